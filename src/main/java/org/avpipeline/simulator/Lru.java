package org.avpipeline.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small thread-safe least-recently-used cache; values are computed outside the lock (pure functions). */
final class Lru<K, V> {
    private final Map<K, V> map;

    Lru(int capacity) {
        map = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Function<K, V> compute) {
        synchronized (map) {
            V v = map.get(key);
            if (v != null) {
                return v;
            }
        }
        V v = compute.apply(key);
        synchronized (map) {
            map.putIfAbsent(key, v);
        }
        return v;
    }
}
