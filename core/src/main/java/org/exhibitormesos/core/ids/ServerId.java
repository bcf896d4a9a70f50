package org.exhibitormesos.core.ids;

/**
 * The operator's id of a server in the ensemble, 0..254. Distinct from the ZooKeeper {@code myid},
 * which belongs to one incarnation of the server's data (see
 * {@link org.exhibitormesos.core.server.Identity}).
 */
public record ServerId(int value) implements Comparable<ServerId> {
    public static final int MIN = 0;
    public static final int MAX = 254;

    public ServerId {
        if (value < MIN || value > MAX) {
            throw new org.exhibitormesos.core.InvalidInputException(
                    "invalid server id " + value + ": ids are whole numbers from " + MIN + " to " + MAX);
        }
    }

    public static ServerId of(int value) {
        return new ServerId(value);
    }

    @Override
    public int compareTo(ServerId other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
