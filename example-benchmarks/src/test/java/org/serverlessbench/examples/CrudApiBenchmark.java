package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.storage.NoSqlStorage;
import org.serverlessbench.openwhisk.storage.NoSqlTable;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * SeBS 130.crud-api: a shopping cart in a NoSQL table. Sizes as SeBS: {@code test} reads one product,
 * {@code small} reads a cart of four products with its totals, {@code large} adds and reads back five products.
 * The check compares every answer with what the test put into the table.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
// tag::nosql[]
@OpenWhiskStorage(benchmark = "130.crud-api",
        tables = @NoSqlTable(name = "shopping_cart", partitionKey = "cart_id", sortKey = "product_id"))
// end::nosql[]
@OpenWhiskFunction(name = "crud-python", code = "src/test/functions/130.crud-api/python",
        memory = 128, timeout = 30_000)
@OpenWhiskFunction(name = "crud-nodejs", code = "src/test/functions/130.crud-api/nodejs",
        memory = 128, timeout = 30_000)
@OpenWhiskFunction(name = "crud-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.crud.CrudApi", memory = 256, timeout = 30_000)
class CrudApiBenchmark {

    private static final String[] NAMES = {"apple", "bread", "coffee", "dates", "eggs"};

    @RepeatedTest(3)
    void python(@FunctionName("crud-python") Trigger trigger, NoSqlStorage tables, BenchmarkSize size) {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        run(trigger, tables, size, "python");
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("crud-nodejs") Trigger trigger, NoSqlStorage tables, BenchmarkSize size) {
        run(trigger, tables, size, "nodejs");
    }

    @RepeatedTest(3)
    void java(@FunctionName("crud-java") Trigger trigger, NoSqlStorage tables, BenchmarkSize size) {
        run(trigger, tables, size, "java");
    }

    /** Each call uses a cart of its own, so repetitions and languages do not see each other's products. */
    private static void run(Trigger trigger, NoSqlStorage tables, BenchmarkSize size, String language) {
        String cart = "cart-" + language + "-" + System.nanoTime();
        List<Map<String, Object>> products = new ArrayList<>();
        for (int i = 0; i < (size == BenchmarkSize.LARGE ? 5 : size == BenchmarkSize.SMALL ? 4 : 1); i++) {
            products.add(product(cart, i));
        }
        List<Map<String, Object>> requests = new ArrayList<>();
        if (size == BenchmarkSize.LARGE) {
            for (Map<String, Object> product : products) {
                requests.add(Map.of("route", "PUT /cart", "body", product));
                requests.add(getProduct(cart, (String) product.get("product_id")));
            }
        } else {
            products.forEach(product -> tables.put("shopping_cart", item(product)));
            requests.add(size == BenchmarkSize.SMALL ? Map.of("route", "GET /cart", "body", Map.of("cart", cart))
                    : getProduct(cart, "product-0"));
        }
        Invocation invocation = trigger.invoke(Map.of("requests", requests)).assertSuccess();
        SebsInvocations.measurement(invocation, "compute_time");
        @SuppressWarnings("unchecked")
        List<Object> results = (List<Object>) ((Map<String, Object>) invocation.result()).get("result");
        assertThat(results).hasSize(requests.size());
        if (size == BenchmarkSize.SMALL) {
            checkCart(results.get(0), products);
        } else {
            for (int i = 0; i < results.size(); i++) {
                if (requests.get(i).get("route").equals("GET /cart/{id}")) {
                    checkProduct(results.get(i), products.get(size == BenchmarkSize.LARGE ? i / 2 : 0), cart);
                }
            }
        }
    }

    private static Map<String, Object> product(String cart, int index) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("cart", cart);
        product.put("product_id", "product-" + index);
        product.put("name", NAMES[index]);
        product.put("price", 1.25 + index * 2.5);
        product.put("quantity", 1 + index);
        return product;
    }

    private static Map<String, Object> item(Map<String, Object> product) {
        Map<String, Object> item = new LinkedHashMap<>(product);
        item.put("cart_id", item.remove("cart"));
        return item;
    }

    private static Map<String, Object> getProduct(String cart, String productId) {
        return Map.of("route", "GET /cart/{id}", "path", Map.of("id", productId), "body", Map.of("cart", cart));
    }

    private static void checkProduct(Object answer, Map<String, Object> product, String cart) {
        assertThat(answer).isInstanceOf(Map.class);
        Map<?, ?> item = (Map<?, ?>) answer;
        assertThat(item.get("cart_id")).isEqualTo(cart);
        assertThat(item.get("product_id")).isEqualTo(product.get("product_id"));
        assertThat(item.get("name")).isEqualTo(product.get("name"));
        assertThat(((Number) item.get("price")).doubleValue()).isCloseTo((Double) product.get("price"), within(1e-9));
        assertThat(((Number) item.get("quantity")).intValue()).isEqualTo(product.get("quantity"));
    }

    /** As SeBS's validate_output for the cart: the products, their total and the average price per unit. */
    private static void checkCart(Object answer, List<Map<String, Object>> products) {
        Map<?, ?> cart = (Map<?, ?>) answer;
        double total = 0;
        int quantity = 0;
        for (Map<String, Object> product : products) {
            total += (Double) product.get("price") * (Integer) product.get("quantity");
            quantity += (Integer) product.get("quantity");
        }
        List<Object> names = products.stream().map(product -> product.get("name")).toList();
        assertThat(cart.get("products")).isEqualTo(names);
        assertThat(((Number) cart.get("total_cost")).doubleValue()).isCloseTo(total, within(1e-9));
        assertThat(((Number) cart.get("avg_price")).doubleValue()).isCloseTo(total / quantity, within(1e-9));
    }
}
