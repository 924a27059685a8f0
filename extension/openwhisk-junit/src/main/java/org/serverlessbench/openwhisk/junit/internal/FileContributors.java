package org.serverlessbench.openwhisk.junit.internal;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.FunctionFileContributor;

/** Asks every {@link FunctionFileContributor} on the classpath for the files to add to a folder function. */
final class FileContributors implements CodePackager.ExtraFiles {

    private final ExtensionContext context;

    private FileContributors(ExtensionContext context) {
        this.context = context;
    }

    static CodePackager.ExtraFiles of(ExtensionContext context) {
        return new FileContributors(context);
    }

    @Override
    public Map<String, byte[]> files(String functionName, String kind) {
        Map<String, byte[]> files = new TreeMap<>();
        for (FunctionFileContributor contributor : ServiceLoader.load(FunctionFileContributor.class,
                OpenWhiskExtension.class.getClassLoader())) {
            contributor.files(functionName, kind, context).forEach(files::putIfAbsent);
        }
        return files;
    }
}
