package org.urbaninvest.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local ports of everything the suite starts. */
public record Ports(int postgres, int kafka, int kafkaController, int project, int investment, int reporting) {

    public static final Ports DEFAULTS = new Ports(15432, 19092, 19093, 8081, 8082, 8083);

    public Ports {
        List<Integer> all = List.of(postgres, kafka, kafkaController, project, investment, reporting);
        for (int port : all) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("ports must differ: " + all);
        }
    }

    /** Every port shifted by {@code offset}, e.g. to run a second suite beside the first. */
    public Ports plus(int offset) {
        return new Ports(postgres + offset, kafka + offset, kafkaController + offset, project + offset,
                investment + offset, reporting + offset);
    }

    /** Ports free on 127.0.0.1 right now, chosen by the operating system (for tests). */
    public static Ports free() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[6];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot fail in a way that matters
                }
            });
        }
    }

    public int of(SuiteService service) {
        return switch (service) {
            case PROJECT -> project;
            case INVESTMENT -> investment;
            case REPORTING -> reporting;
        };
    }

    /** Each port by what uses it, in start order. */
    public Map<String, Integer> byUse() {
        Map<String, Integer> uses = new LinkedHashMap<>();
        uses.put("PostgreSQL", postgres);
        uses.put("Kafka", kafka);
        uses.put("Kafka controller", kafkaController);
        uses.put(SuiteService.PROJECT.id(), project);
        uses.put(SuiteService.INVESTMENT.id(), investment);
        uses.put(SuiteService.REPORTING.id(), reporting);
        return uses;
    }

    /** Whether nothing listens on (or holds) the port on 127.0.0.1. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
