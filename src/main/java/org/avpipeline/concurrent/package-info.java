/** Threads shared by every package that runs work in parallel; a leaf: it imports nothing of the program's. */
package org.avpipeline.concurrent;
