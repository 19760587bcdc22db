package org.avpipeline.raw;

/** Another run holds the data folder's lock (local lock file or S3 lock object): this one does nothing. */
public final class StoreBusyException extends Exception {
    private final transient LockHolder holder;

    public StoreBusyException(String where, LockHolder holder) {
        super(where + " is in use by " + (holder == null ? "another run (it has not said which yet)"
                : holder.describe()) + ": one run per data folder at a time; wait for it to finish, or pass --wait");
        this.holder = holder;
    }

    /** Who holds it; null when the lock does not say (yet). */
    public LockHolder holder() {
        return holder;
    }
}
