package org.serverlessbench.openwhisk.embedded.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where this process's own cgroups are, read from {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}. */
final class CgroupMounts {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");
    private static final Path OWN_CGROUPS = Path.of("/proc/self/cgroup");

    private CgroupMounts() {
    }

    /** The directory of this process's cgroup in the v1 hierarchy of {@code controller}, such as {@code memory}. */
    static Optional<Path> ownV1(String controller) {
        return mount("cgroup", controller).flatMap(mount -> ownPath(controller).map(path -> mount.resolve(path)));
    }

    /** The directory of this process's cgroup in the unified (v2) hierarchy. */
    static Optional<Path> ownV2() {
        return mount("cgroup2", null).flatMap(mount -> ownPath(null).map(path -> mount.resolve(path)));
    }

    /** The mount point of the unified (v2) hierarchy. */
    static Optional<Path> v2Root() {
        return mount("cgroup2", null).map(mount -> mount.resolve(""));
    }

    /** A mounted hierarchy: its mount point and the cgroup path its root shows. */
    private record Mount(Path point, String root) {
        /** The directory of a cgroup path, or the mount point when the path is outside what is mounted there. */
        Path resolve(String cgroupPath) {
            String relative = cgroupPath.startsWith(root) ? cgroupPath.substring(root.length()) : "";
            Path directory = point.resolve(relative.replaceFirst("^/+", ""));
            return Files.isDirectory(directory) ? directory : point;
        }
    }

    /** Fields: id, parent, device, root, mount point, options, optional fields..., "-", type, source, super options. */
    private static Optional<Mount> mount(String type, String controller) {
        try {
            for (String line : Files.readAllLines(MOUNT_INFO)) {
                List<String> fields = Arrays.asList(line.split(" "));
                int dash = fields.indexOf("-");
                if (dash < 0 || dash + 3 >= fields.size() || !fields.get(dash + 1).equals(type)) {
                    continue;
                }
                if (controller == null || Arrays.asList(fields.get(dash + 3).split(",")).contains(controller)) {
                    return Optional.of(new Mount(Path.of(unescape(fields.get(4))), unescape(fields.get(3))));
                }
            }
        } catch (IOException | RuntimeException noProcFileSystem) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Lines {@code id:controllers:path}; the v2 line has id 0 and no controllers. */
    private static Optional<String> ownPath(String controller) {
        try {
            for (String line : Files.readAllLines(OWN_CGROUPS)) {
                String[] parts = line.split(":", 3);
                if (parts.length != 3) {
                    continue;
                }
                boolean matches = controller == null
                        ? parts[0].equals("0") && parts[1].isEmpty()
                        : Arrays.asList(parts[1].split(",")).contains(controller);
                if (matches) {
                    return Optional.of(parts[2]);
                }
            }
        } catch (IOException | RuntimeException noProcFileSystem) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
