package org.serverlessbench.examples.functions.crud;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.SebsStorage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * 130.crud-api as a Java action: a shopping cart over a NoSQL table (partition key cart_id, sort key product_id).
 * Routes: "PUT /cart", "GET /cart/{id}" and "GET /cart" (products, total and average price).
 */
public final class CrudApi {

    private CrudApi() {
    }

    public static JsonObject main(JsonObject args) {
        double begin = SebsOutput.nowSeconds();
        String table = SebsStorage.table(args, "shopping_cart");
        JsonArray results = new JsonArray();
        SebsMeasurement measurement;
        try (DynamoDbClient client = SebsStorage.nosql(args)) {
            measurement = new SebsMeasurement();
            for (JsonElement element : args.getAsJsonArray("requests")) {
                JsonObject request = element.getAsJsonObject();
                String route = request.get("route").getAsString();
                JsonObject body = request.has("body") ? request.getAsJsonObject("body") : new JsonObject();
                String cart = body.get("cart").getAsString();
                if (route.equals("PUT /cart")) {
                    results.add(addProduct(client, table, cart, body));
                } else if (route.equals("GET /cart/{id}")) {
                    String product = request.getAsJsonObject("path").get("id").getAsString();
                    results.add(getProduct(client, table, cart, product));
                } else if (route.equals("GET /cart")) {
                    results.add(getCart(client, table, cart));
                } else {
                    throw new IllegalArgumentException("130.crud-api has no route \"" + route
                            + "\"; routes: PUT /cart, GET /cart/{id}, GET /cart");
                }
            }
            measurement.phase("compute");
        }
        return SebsOutput.of(results, measurement.json(), begin);
    }

    private static JsonElement addProduct(DynamoDbClient client, String table, String cart, JsonObject body) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("cart_id", AttributeValue.fromS(cart));
        item.put("product_id", AttributeValue.fromS(body.get("product_id").getAsString()));
        item.put("name", AttributeValue.fromS(body.get("name").getAsString()));
        item.put("price", AttributeValue.fromN(body.get("price").getAsBigDecimal().toPlainString()));
        item.put("quantity", AttributeValue.fromN(body.get("quantity").getAsBigDecimal().toPlainString()));
        client.putItem(r -> r.tableName(table).item(item));
        return new JsonObject();
    }

    private static JsonElement getProduct(DynamoDbClient client, String table, String cart, String product) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("cart_id", AttributeValue.fromS(cart));
        key.put("product_id", AttributeValue.fromS(product));
        Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        JsonObject json = new JsonObject();
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            AttributeValue value = attribute.getValue();
            if (value.n() != null) {
                json.addProperty(attribute.getKey(), new BigDecimal(value.n()));
            } else {
                json.addProperty(attribute.getKey(), value.s());
            }
        }
        return json;
    }

    private static JsonElement getCart(DynamoDbClient client, String table, String cart) {
        QueryRequest query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("cart_id = :cart")
                .expressionAttributeValues(Collections.singletonMap(":cart", AttributeValue.fromS(cart)))
                .consistentRead(true)
                .build();
        JsonArray products = new JsonArray();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal quantity = BigDecimal.ZERO;
        for (Map<String, AttributeValue> item : client.queryPaginator(query).items()) {
            products.add(item.get("name").s());
            BigDecimal count = new BigDecimal(item.get("quantity").n());
            total = total.add(new BigDecimal(item.get("price").n()).multiply(count));
            quantity = quantity.add(count);
        }
        JsonObject result = new JsonObject();
        result.add("products", products);
        result.addProperty("total_cost", total);
        result.addProperty("avg_price", quantity.signum() == 0 ? BigDecimal.ZERO
                : total.divide(quantity, MathContext.DECIMAL64));
        return result;
    }
}
