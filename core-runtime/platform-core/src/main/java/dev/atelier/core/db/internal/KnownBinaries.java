package dev.atelier.core.db.internal;

import java.nio.file.Path;

/**
 * A PostgreSQL build unpacked and run before, ready to start a server without zonky.
 *
 * @param bin the build's {@code bin} folder, holding {@code pg_ctl} and {@code postgres}
 * @param inUserNamespace whether its programs run under {@code unshare -U}, as zonky ran them (it does as root,
 *     whom PostgreSQL refuses)
 */
record KnownBinaries(Path bin, boolean inUserNamespace) {}
