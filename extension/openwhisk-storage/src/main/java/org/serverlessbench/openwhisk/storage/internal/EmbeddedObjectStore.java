package org.serverlessbench.openwhisk.storage.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobApiMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * s3proxy in this JVM on 127.0.0.1 and a free port, keeping objects in files under a temporary folder (the
 * transient store would hold them on the heap), with credentials made for this run. The store is s3proxy's own
 * {@code filesystem-nio2}: jclouds' {@code filesystem} lists folder markers ({@code prefix/}) as objects, which no
 * S3 service does. It is built from its API metadata rather than looked up by name, because the lookup instantiates
 * every provider s3proxy registers, including those whose libraries this module leaves out.
 */
final class EmbeddedObjectStore implements AutoCloseable {

    private final Path folder;
    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final Credentials credentials;

    private EmbeddedObjectStore(Path folder, BlobStoreContext context, S3Proxy proxy, Credentials credentials) {
        this.folder = folder;
        this.context = context;
        this.proxy = proxy;
        this.credentials = credentials;
    }

    static EmbeddedObjectStore start() throws IOException {
        Path folder = Files.createTempDirectory("openwhisk-storage-s3-");
        Credentials credentials = Credentials.random();
        Properties properties = new Properties();
        properties.setProperty(FilesystemConstants.PROPERTY_BASEDIR, folder.toString());
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemNio2BlobApiMetadata())
                .credentials("local", "local")
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(),
                        credentials.secretKey())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            if (!"STARTED".equals(proxy.getState())) {
                throw new IOException("s3proxy did not start on 127.0.0.1: its state is " + proxy.getState());
            }
        } catch (Exception e) {
            context.close();
            Folders.deleteQuietly(folder);
            throw e instanceof IOException io ? io : new IOException("s3proxy could not start on 127.0.0.1: " + e, e);
        }
        return new EmbeddedObjectStore(folder, context, proxy, credentials);
    }

    /** {@code 127.0.0.1:<port>}. */
    String hostPort() {
        return "127.0.0.1:" + proxy.getPort();
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
            Folders.deleteQuietly(folder);
        }
    }
}
