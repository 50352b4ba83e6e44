package org.urbaninvest.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates rendered NetworkPolicies the way Kubernetes does: a pod selected by any policy of a
 * direction is isolated in that direction and accepts only what some selecting policy allows; a
 * connection needs the source's egress and the destination's ingress.
 */
final class NetworkFlows {

    /** The install's own namespace, as the API server labels it. */
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private final List<NetworkPolicy> policies;
    private final String namespace;

    NetworkFlows(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    /** A pod somewhere in the cluster: its namespace's labels and its own labels. */
    record Pod(Map<String, String> namespaceLabels, Map<String, String> labels) {
    }

    /** A pod of the install's namespace. */
    Pod local(Map<String, String> labels) {
        return new Pod(Map.of(NAMESPACE_NAME_LABEL, namespace), labels);
    }

    static Pod elsewhere(Map<String, String> namespaceLabels, Map<String, String> labels) {
        return new Pod(namespaceLabels, labels);
    }

    boolean connects(Pod from, Pod to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(to, from, port, protocol);
    }

    boolean egressAllows(Pod from, Pod to, int port, String protocol) {
        if (!isLocal(from)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port, protocol));
    }

    boolean ingressAllows(Pod to, Pod from, int port, String protocol) {
        if (!isLocal(to)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port, protocol));
    }

    /** Policies that select the pod for a direction and allow nothing at all: an explicit default deny. */
    boolean deniedByDefault(Pod pod) {
        return policies.stream()
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .anyMatch(p -> types(p).containsAll(List.of("Ingress", "Egress"))
                        && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
    }

    /** Whether a list of peers (as in Strimzi's networkPolicyPeers) lets a pod in. */
    boolean peersAdmit(List<NetworkPolicyPeer> peers, Pod pod) {
        return peersMatch(peers, pod);
    }

    private boolean isLocal(Pod pod) {
        return namespace.equals(pod.namespaceLabels().get(NAMESPACE_NAME_LABEL));
    }

    private List<NetworkPolicy> selecting(Pod pod, String type) {
        return policies.stream()
                .filter(p -> types(p).contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        // Kubernetes' default: Ingress always, Egress when egress rules are present.
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, pod));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? isLocal(pod)
                : matches(peer.getNamespaceSelector(), pod.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> protocol.equals(Objects.requireNonNullElse(p.getProtocol(), "TCP"))
                && (p.getPort() == null || numeric(p.getPort()) == port));
    }

    private static int numeric(IntOrString port) {
        if (port.getIntVal() == null) {
            throw new AssertionError("named port " + port.getStrVal() + " in a NetworkPolicy: use numbers here");
        }
        return port.getIntVal();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        boolean labelsMatch = required.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null
                ? List.of() : selector.getMatchExpressions();
        return labelsMatch && expressions.stream().allMatch(e -> expressionMatches(e, labels));
    }

    private static boolean expressionMatches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
        };
    }
}
