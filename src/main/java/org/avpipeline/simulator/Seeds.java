package org.avpipeline.simulator;

import java.util.SplittableRandom;

/** Derives independent, stable random streams from (market seed, symbol, purpose). */
final class Seeds {
    private Seeds() {}

    static SplittableRandom stream(long seed, String symbol, String purpose) {
        long h = mix(seed);
        h = mix(h ^ fnv(symbol));
        h = mix(h ^ fnv(purpose));
        return new SplittableRandom(h);
    }

    /** FNV-1a over the characters: stable across JVMs and releases. */
    static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finalizer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
