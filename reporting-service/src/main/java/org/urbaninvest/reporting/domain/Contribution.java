package org.urbaninvest.reporting.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one aggregate adds to the totals tables. Applying an event is "take the old contribution out, put the
 * new one in": {@link #minus} gives the rows to add, so an amendment of 100 to 150 adds 50 and counts 150.
 */
public final class Contribution {

    /** One row of a totals table: its table and key values (in the table's key column order). */
    public record Key(TotalsTable table, List<Object> values) {
        public Key {
            if (values.size() != table.keySize()) {
                throw new IllegalArgumentException(table + " takes " + table.keySize() + " key values");
            }
            values = List.copyOf(values);
        }

        String sortKey() {
            return table.ordinal() + "|" + values;
        }
    }

    public record Figure(long count, BigDecimal amount) {
        Figure plus(Figure other) {
            return new Figure(count + other.count, amount.add(other.amount));
        }

        Figure negate() {
            return new Figure(-count, amount.negate());
        }

        boolean isZero() {
            return count == 0 && amount.signum() == 0;
        }
    }

    // Sorted so that concurrent writers touch rows in the same order (no deadlocks between them).
    private final Map<Key, Figure> rows = new TreeMap<>(Comparator.comparing(Key::sortKey));

    public static Contribution none() {
        return new Contribution();
    }

    public Contribution add(TotalsTable table, long count, BigDecimal amount, Object... key) {
        rows.merge(new Key(table, List.of(key)), new Figure(count, amount), Figure::plus);
        return this;
    }

    /** The rows to add to turn {@code old} into this contribution; rows that do not change are left out. */
    public Contribution minus(Contribution old) {
        Contribution delta = new Contribution();
        rows.forEach((key, figure) -> delta.rows.merge(key, figure, Figure::plus));
        old.rows.forEach((key, figure) -> delta.rows.merge(key, figure.negate(), Figure::plus));
        delta.rows.values().removeIf(Figure::isZero);
        return delta;
    }

    /** Adds {@code other}'s rows to this one's (a batch's deltas summed into one); rows that cancel out go. */
    public Contribution include(Contribution other) {
        other.rows.forEach((key, figure) -> rows.merge(key, figure, Figure::plus));
        rows.values().removeIf(Figure::isZero);
        return this;
    }

    public Map<Key, Figure> rows() {
        return java.util.Collections.unmodifiableMap(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution other && Objects.equals(rows, other.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        rows.forEach((key, figure) -> lines.add(key.table().table() + key.values() + "=" + figure));
        return String.join(", ", lines);
    }
}
