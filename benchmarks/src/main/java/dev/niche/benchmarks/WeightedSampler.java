package dev.niche.benchmarks;

import java.util.SplittableRandom;

/**
 * Draws indices with probability proportional to their weights, while items keep arriving: a Fenwick
 * tree of weights, O(log n) per change and per draw. Items are numbered in the order they were added.
 */
final class WeightedSampler {
    private final double[] tree;
    private final double[] weights;
    private int size;
    private double total;

    WeightedSampler(int capacity) {
        this.tree = new double[capacity + 1];
        this.weights = new double[capacity];
    }

    /** Adds an item of {@code weight} (0 or more) and returns its index. */
    int add(double weight) {
        int index = size++;
        change(index, weight);
        return index;
    }

    /** Sets an item's weight; 0 takes it out of the draw. */
    void set(int index, double weight) {
        change(index, weight - weights[index]);
    }

    /** How many items were added. */
    int size() {
        return size;
    }

    /** Whether some item can be drawn. */
    boolean isEmpty() {
        return total <= 0;
    }

    /** An item drawn with probability proportional to its weight; call only when not {@link #isEmpty()}. */
    int draw(SplittableRandom random) {
        while (true) {
            double target = random.nextDouble() * total;
            int position = 0;
            for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
                int next = position + step;
                if (next < tree.length && tree[next] <= target) {
                    position = next;
                    target -= tree[next];
                }
            }
            // Rounding may land on an item of weight 0 or past the last one; draw again then.
            if (position < size && weights[position] > 0) {
                return position;
            }
        }
    }

    private void change(int index, double delta) {
        weights[index] += delta;
        total += delta;
        for (int i = index + 1; i < tree.length; i += i & -i) {
            tree[i] += delta;
        }
    }
}
