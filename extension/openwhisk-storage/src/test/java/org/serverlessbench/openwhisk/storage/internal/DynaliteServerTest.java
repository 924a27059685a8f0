package org.serverlessbench.openwhisk.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.storage.NoSqlTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynaliteServerTest {

    static Path workDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target/openwhisk-storage");
    }

    @Test
    void servesTheDynamoDbApiOnLoopbackAndStopsWhenClosed() throws Exception {
        Path installation = DynaliteInstall.ensure(workDirectory());
        ProcessHandle process;
        try (DynaliteServer server = DynaliteServer.start(installation);
                DynamoDbClient client = Clients.dynamoDb(server.hostPort(), Credentials.random(), "us-east-1")) {
            process = ProcessHandle.of(server.pid()).orElseThrow();
            assertThat(server.hostPort()).startsWith("127.0.0.1:");
            DynamoTables tables = new DynamoTables(client, server.hostPort(), List.of(Cart.table()),
                    Map.of("shopping_cart", "owj-test-cart"));
            tables.create();
            tables.put("shopping_cart", Map.of("cart_id", "c1", "product_id", "p1", "price", 12.5, "quantity", 2));
            tables.put("shopping_cart", Map.of("cart_id", "c1", "product_id", "p2", "price", 3, "quantity", 1));
            tables.put("shopping_cart", Map.of("cart_id", "c2", "product_id", "p1", "price", 1, "quantity", 1));

            assertThat(tables.get("shopping_cart", Map.of("cart_id", "c1", "product_id", "p1")))
                    .hasValueSatisfying(item -> assertThat(item).containsEntry("quantity", 2L)
                            .containsEntry("price", new java.math.BigDecimal("12.5")));
            assertThat(tables.query("shopping_cart", "c1")).extracting(item -> item.get("product_id"))
                    .containsExactly("p1", "p2");
            tables.delete();
            assertThat(client.listTables().tableNames()).isEmpty();
        }
        assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void stopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path installation = DynaliteInstall.ensure(workDirectory());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AbandonedDynaliteMain.class.getName(), installation.toString())
                .redirectErrorStream(true).start();
        long dynalitePid;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = output.readLine();
            assertThat(line).as("first line of the child JVM").startsWith("dynalite ");
            dynalitePid = Long.parseLong(line.substring("dynalite ".length()));
            ProcessHandle dynalite = ProcessHandle.of(dynalitePid).orElseThrow();
            jvm.destroyForcibly();
            assertThat(dynalite.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** The table of SeBS's 130.crud-api. */
    private static final class Cart {
        @org.serverlessbench.openwhisk.storage.OpenWhiskStorage(benchmark = "130.crud-api",
                tables = @NoSqlTable(name = "shopping_cart", partitionKey = "cart_id", sortKey = "product_id"))
        private static final class Declaration {
        }

        static NoSqlTable table() {
            return Declaration.class.getAnnotation(org.serverlessbench.openwhisk.storage.OpenWhiskStorage.class)
                    .tables()[0];
        }
    }
}
