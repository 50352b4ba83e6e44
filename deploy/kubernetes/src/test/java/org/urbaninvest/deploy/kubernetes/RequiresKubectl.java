package org.urbaninvest.deploy.kubernetes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a test class, with the reason in the report, where kubectl (which renders the kustomizations) is missing. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKubectl.Condition.class)
@interface RequiresKubectl {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Kustomize.kubectlAvailable()) {
                return ConditionEvaluationResult.enabled("kubectl found on PATH");
            }
            String reason = "kubectl is not on PATH: the rendered-manifest checks of deploy/kubernetes are skipped"
                    + " (install kubectl, which bundles kustomize, to run them)";
            System.err.println("[deploy/kubernetes] " + context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
