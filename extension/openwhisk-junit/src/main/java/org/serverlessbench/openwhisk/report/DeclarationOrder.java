package org.serverlessbench.openwhisk.report;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a test method is declared in its class: its position among the methods of the class file. javac writes
 * methods in the order of the source, while reflection ({@code Class#getDeclaredMethods}) promises no order and
 * JUnit's default method order is deliberately not obvious, so the summary reads the class file itself. A method
 * inherited from a superclass is looked up there and placed after the class's own methods. Tests whose class file
 * cannot be read (another class loader, a name that is no class) have no position.
 */
final class DeclarationOrder {

    private static final int MAGIC = 0xCAFEBABE;
    private static final int INHERITED_OFFSET = 100_000;

    private final ClassLoader loader;
    private final Map<String, Optional<ClassMethods>> classes = new HashMap<>();

    record ClassMethods(List<String> methods, String superclass) {}

    DeclarationOrder(ClassLoader loader) {
        this.loader = loader;
    }

    /** Reads class files through the thread's context class loader, which sees the test classes of a run. */
    static DeclarationOrder ofContext() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new DeclarationOrder(loader != null ? loader : DeclarationOrder.class.getClassLoader());
    }

    /**
     * The position of {@code test}'s method ({@code binary.ClassName#method}) in its class, from 0; -1 for a test
     * name without a method (invocations made in {@code @BeforeAll} or {@code @AfterAll}), empty when unknown.
     */
    synchronized Optional<Integer> position(String test) {
        int hash = test.indexOf('#');
        if (hash < 0) {
            return Optional.of(-1);
        }
        String method = test.substring(hash + 1);
        String type = test.substring(0, hash);
        for (int depth = 0; depth < 10 && type != null; depth++) {
            Optional<ClassMethods> methods = methodsOf(type);
            if (methods.isEmpty()) {
                return Optional.empty();
            }
            int index = methods.get().methods().indexOf(method);
            if (index >= 0) {
                return Optional.of(depth * INHERITED_OFFSET + index);
            }
            type = methods.get().superclass();
        }
        return Optional.empty();
    }

    private Optional<ClassMethods> methodsOf(String type) {
        return classes.computeIfAbsent(type, this::read);
    }

    private Optional<ClassMethods> read(String type) {
        if (loader == null || type.isEmpty() || type.contains("/") || type.contains("[")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(type.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(parse(new DataInputStream(in)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The method names of a class file in the order it lists them, and its superclass's binary name. */
    static ClassMethods parse(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int poolSize = in.readUnsignedShort();
        String[] utf8 = new String[poolSize];
        int[] classNames = new int[poolSize];
        for (int i = 1; i < poolSize; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // longs and doubles take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class
        int superIndex = in.readUnsignedShort();
        String superclass = superIndex == 0 ? null : utf8[classNames[superIndex]].replace('/', '.');
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        skipMembers(in, null, utf8);
        List<String> methods = new ArrayList<>();
        skipMembers(in, methods, utf8);
        return new ClassMethods(List.copyOf(methods), superclass);
    }

    private static void skipMembers(DataInputStream in, List<String> names, String[] utf8) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort(); // access flags
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort(); // descriptor
            if (names != null && !names.contains(name)) {
                names.add(name);
            }
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }
    }
}
