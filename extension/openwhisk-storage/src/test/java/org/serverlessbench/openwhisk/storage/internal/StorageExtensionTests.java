package org.serverlessbench.openwhisk.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.storage.NoSqlStorage;
import org.serverlessbench.openwhisk.storage.NoSqlTable;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;
import org.serverlessbench.openwhisk.storage.StorageKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

class StorageExtensionTests {

    @OpenWhiskTest
    @OpenWhiskStorage(benchmark = "130.crud-api", object = true,
            tables = @NoSqlTable(name = "shopping_cart", partitionKey = "cart_id", sortKey = "product_id"))
    @OpenWhiskFunction(name = "params", code = "src/test/functions/params-echo", memory = 128)
    static class BindingTestCases {

        @Test
        void functionGetsSebsParametersOfTheRunsStorage(LibraryTrigger trigger, ObjectStorage objects,
                NoSqlStorage tables) {
            Invocation invocation = trigger.invoke(Map.of()).assertSuccess();
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("MINIO_STORAGE_CONNECTION_URL", objects.endpoint());
            expected.put("NOSQL_STORAGE_TYPE", "scylladb");
            expected.put("NOSQL_STORAGE_ENDPOINT", tables.endpoint());
            expected.put("NOSQL_STORAGE_TABLE_shopping_cart", tables.tableName("shopping_cart"));
            @SuppressWarnings("unchecked")
            Map<String, Object> bound = (Map<String, Object>) invocation.result();
            assertThat(bound).containsAllEntriesOf(expected)
                    .containsKeys("MINIO_STORAGE_ACCESS_KEY", "MINIO_STORAGE_SECRET_KEY")
                    .hasSize(6);
            assertThat(objects.endpoint()).startsWith("127.0.0.1:");
            assertThat(tables.endpoint()).startsWith("127.0.0.1:");
            assertThat(objects.inputPrefix()).isEqualTo("130.crud-api-0-input");
            assertThat(tables.tableName("shopping_cart")).matches("owj-[0-9a-f]{6}-\\d+-130.crud-api-shopping_cart");

            objects.put(objects.inputPrefix() + "/x", new byte[] {1, 2});
            assertThat(objects.get(objects.inputPrefix() + "/x")).containsExactly(1, 2);
            tables.put("shopping_cart", Map.of("cart_id", "c", "product_id", "p", "quantity", 3));
            assertThat(tables.query("shopping_cart", "c")).singleElement()
                    .satisfies(item -> assertThat(item).containsEntry("quantity", 3L));
        }
    }

    @Test
    void bindsSebsParametersPointingAtTheEmbeddedServices() {
        assertAllSucceeded(run(BindingTestCases.class, Map.of()));
    }

    @OpenWhiskTest
    @OpenWhiskStorage(benchmark = "504.dna-visualisation", object = true)
    @OpenWhiskFunction(name = "helper-python", code = "src/test/functions/helper-python", memory = 256)
    @OpenWhiskFunction(name = "helper-nodejs", code = "src/test/functions/helper-nodejs", memory = 128)
    static class HelperTestCases {

        @Test
        void pythonFunctionUsesTheAddedStorageModule(@FunctionName("helper-python") LibraryTrigger trigger,
                ObjectStorage objects) {
            String key = objects.outputPrefix() + "/hello.txt";
            Invocation invocation = trigger.invoke(Map.of("bucket", objects.bucket(), "key", key,
                    "text", "squiggle")).assertSuccess();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) invocation.result();
            assertThat(result).containsEntry("content", "squiggle").containsEntry("listed", List.of(key))
                    .containsEntry("left", List.of());
            assertThat((String) result.get("unique")).matches("result\\.[0-9a-f]{8}\\.json");
            assertThat(objects.get(key)).asString().isEqualTo("squiggle");
        }

        @Test
        void nodejsFunctionUsesTheAddedStorageModule(@FunctionName("helper-nodejs") LibraryTrigger trigger,
                ObjectStorage objects) {
            Invocation invocation = trigger.invoke(Map.of()).assertSuccess();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) invocation.result();
            assertThat(result).containsEntry("url", objects.endpoint()).containsEntry("left", List.of());
            assertThat((String) result.get("unique")).matches("result\\.[0-9a-f]{8}\\.json");
        }
    }

    @OpenWhiskTest
    @OpenWhiskStorage(benchmark = "120.uploader", object = true)
    @OpenWhiskFunction(name = "large-upload-nodejs", code = "src/test/functions/large-upload-nodejs",
            memory = LargeUploadTestCases.MEMORY_MB, timeout = 180_000)
    static class LargeUploadTestCases {

        static final int MEMORY_MB = 128;

        @Test
        void nodejsHelperStreamsAFileLargerThanTheFunctionsMemory(LibraryTrigger trigger, ObjectStorage objects) {
            long memory = MEMORY_MB * 1024L * 1024L;
            int size = (int) memory + 32 * 1024 * 1024;
            String key = objects.outputPrefix() + "/large.bin";
            Invocation invocation = trigger.invoke(Map.of("bucket", objects.bucket(), "key", key, "size", size))
                    .assertSuccess();
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) invocation.result();
            assertThat(((Number) result.get("peak_resident_bytes")).longValue()).as("the function's peak RSS")
                    .isLessThan(memory);
            byte[] stored = objects.get(key);
            assertThat(stored.length).as("the stored object's size").isEqualTo(size);
            assertThat(sha256(stored)).as("the stored object's SHA-256").isEqualTo(countingSha256(size));
        }

        private static String sha256(byte[] content) {
            return HexFormat.of().formatHex(digest().digest(content));
        }

        /** The SHA-256 of the function's file: the 32-bit big-endian integers 0, 1, 2, ... up to {@code size}. */
        private static String countingSha256(int size) {
            MessageDigest digest = digest();
            ByteBuffer block = ByteBuffer.allocate(1 << 20);
            for (int offset = 0; offset < size; offset += block.capacity()) {
                block.clear();
                for (int i = 0; i < block.capacity(); i += Integer.BYTES) {
                    block.putInt((offset + i) / Integer.BYTES);
                }
                digest.update(block.array(), 0, Math.min(block.capacity(), size - offset));
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static MessageDigest digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void nodejsHelperUploadsAnObjectLargerThanTheFunctionsMemory() {
        assertAllSucceeded(run(LargeUploadTestCases.class, Map.of()));
    }

    @OpenWhiskTest
    @OpenWhiskFunction(name = "helper-nodejs", code = "src/test/functions/helper-nodejs", memory = 128)
    static class NoStorageTestCases {

        @Test
        void functionWithoutStorageHasNoHelper(LibraryTrigger trigger) {
            Invocation invocation = trigger.invoke(Map.of());
            assertThat(invocation.success()).isFalse();
            assertThat(String.valueOf(invocation.result())).contains("./storage");
        }
    }

    @Test
    void addsTheStorageHelperToFunctionsOfClassesWithStorageOnly() {
        assumeTrue(pythonHasBoto3(), "the Python helper test needs boto3: apt-get install python3-boto3");
        assertAllSucceeded(run(HelperTestCases.class, Map.of()));
        assertAllSucceeded(run(NoStorageTestCases.class, Map.of()));
    }

    private static boolean pythonHasBoto3() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @OpenWhiskStorage(benchmark = "311.compression", object = true,
            tables = @NoSqlTable(name = "items", partitionKey = "id"))
    static class RemoteTestCases {

        @Test
        void writes(ObjectStorage objects, NoSqlStorage tables) {
            objects.put(objects.outputPrefix() + "/result.zip", new byte[] {7});
            tables.put("items", Map.of("id", "a"));
            assertThat(objects.bucket()).matches("owj-[0-9a-f]{6}-\\d+-311-compression");
        }

        @Test
        void failsWhenAsked(ObjectStorage objects) {
            assertThat(System.getProperty("storage.fixture.fail")).as("fixture told to fail").isNull();
        }
    }

    @Test
    void removesBucketAndTablesAfterTheClassOnARemoteService() throws Exception {
        try (Remote remote = Remote.start()) {
            assertAllSucceeded(run(RemoteTestCases.class, remote.parameters()));
            assertThat(remote.s3.listBuckets().buckets()).isEmpty();
            assertThat(remote.dynamo.listTables().tableNames()).isEmpty();
        }
    }

    @Test
    void keepsBucketAndTablesOfAFailedClassWhenCleanupIsOnSuccess() throws Exception {
        try (Remote remote = Remote.start()) {
            Map<String, String> parameters = new LinkedHashMap<>(remote.parameters());
            parameters.put(StorageKeys.CLEANUP, "on-success");
            System.setProperty("storage.fixture.fail", "true");
            EngineExecutionResults results;
            try {
                results = run(RemoteTestCases.class, parameters);
            } finally {
                System.clearProperty("storage.fixture.fail");
            }
            assertThat(results.testEvents().failed().count()).isEqualTo(1);
            assertThat(remote.s3.listBuckets().buckets()).singleElement()
                    .satisfies(bucket -> assertThat(remote.s3.listObjectsV2(r -> r.bucket(bucket.name())).contents())
                            .extracting(object -> object.key()).containsExactly("311.compression-0-output/result.zip"));
            assertThat(remote.dynamo.listTables().tableNames()).singleElement().asString().endsWith("-items");
        }
    }

    @OpenWhiskStorage(benchmark = "210.thumbnailer", object = true)
    static class NoTablesTestCases {

        @Test
        void asksForTables(NoSqlStorage tables) {
        }
    }

    @Test
    void refusesNoSqlStorageWhenNoTableIsDeclared() {
        run(NoTablesTestCases.class, Map.of()).testEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(text -> text.contains("needs NoSQL tables, but @OpenWhiskStorage on "
                                + NoTablesTestCases.class.getName() + " declares no tables"))));
    }

    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .configurationParameter("openwhisk.results.dir", "target/storage-test-results")
                .selectors(selectClass(testClass))
                .execute();
    }

    private static void assertAllSucceeded(EngineExecutionResults results) {
        List<String> failures = new ArrayList<>();
        for (Event event : results.allEvents().list()) {
            if (event.getType() == EventType.FINISHED) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(event.getTestDescriptor().getDisplayName() + ": " + result.getThrowable()
                            .map(Throwable::toString).orElse(result.getStatus().toString()));
                }
            }
        }
        assertThat(failures).as("failed tests and containers").isEmpty();
        assertThat(results.testEvents().started().count()).as("tests started").isPositive();
    }

    /** Services started by the test itself and given to the extension as remote endpoints. */
    private record Remote(EmbeddedObjectStore objects, DynaliteServer dynalite, S3Client s3, DynamoDbClient dynamo)
            implements AutoCloseable {

        static Remote start() throws Exception {
            EmbeddedObjectStore objects = EmbeddedObjectStore.start();
            DynaliteServer dynalite = DynaliteServer.start(DynaliteInstall.ensure(DynaliteServerTest.workDirectory()));
            return new Remote(objects, dynalite, Clients.s3(objects.hostPort(), objects.credentials()),
                    Clients.dynamoDb(dynalite.hostPort(), Credentials.random(), "us-east-1"));
        }

        Map<String, String> parameters() {
            return Map.of(StorageKeys.OBJECT_ENDPOINT, "http://" + objects.hostPort(),
                    StorageKeys.OBJECT_ACCESS_KEY, objects.credentials().accessKey(),
                    StorageKeys.OBJECT_SECRET_KEY, objects.credentials().secretKey(),
                    StorageKeys.NOSQL_ENDPOINT, dynalite.hostPort());
        }

        @Override
        public void close() throws Exception {
            s3.close();
            dynamo.close();
            dynalite.close();
            objects.close();
        }
    }
}
