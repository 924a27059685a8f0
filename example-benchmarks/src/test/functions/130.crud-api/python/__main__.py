"""130.crud-api: a shopping cart over a NoSQL table (partition key cart_id, sort key product_id).

Routes: "PUT /cart" adds a product, "GET /cart/{id}" reads one product, "GET /cart" lists the cart with its total
and average price. The table is a boto3 DynamoDB Table from storage.py, the helper that openwhisk-storage adds
to the package (SeBS ships one alike); timings and the result shape come from sebs.py, the suite's shared harness.
"""

import decimal
import time

import boto3

import sebs
import storage


def plain(value):
    """DynamoDB numbers come back as Decimal, which JSON does not know."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def add_product(table, cart, body):
    table.put_item(Item={
        "cart_id": cart,
        "product_id": body["product_id"],
        "name": body["name"],
        "price": decimal.Decimal(str(body["price"])),
        "quantity": decimal.Decimal(str(body["quantity"])),
    })
    return {}


def get_product(table, cart, product):
    return plain(table.get_item(Key={"cart_id": cart, "product_id": product}, ConsistentRead=True).get("Item"))


def get_cart(table, cart):
    items = []
    query = {"KeyConditionExpression": boto3.dynamodb.conditions.Key("cart_id").eq(cart), "ConsistentRead": True}
    while True:
        page = table.query(**query)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            break
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    quantity = sum(item["quantity"] for item in items)
    total = sum(item["price"] * item["quantity"] for item in items)
    return {
        "products": [item["name"] for item in items],
        "total_cost": plain(total),
        "avg_price": plain(total / quantity) if quantity else 0,
    }


def main(args):
    import boto3.dynamodb.conditions  # noqa: F401 (Key expressions)
    begin = time.time()
    storage.bind(args)
    table = storage.nosql_table("shopping_cart")
    measurement = sebs.Measurement()
    results = []
    for request in args["requests"]:
        route = request["route"]
        body = request.get("body", {})
        cart = body["cart"]
        if route == "PUT /cart":
            results.append(add_product(table, cart, body))
        elif route == "GET /cart/{id}":
            results.append(get_product(table, cart, request["path"]["id"]))
        elif route == "GET /cart":
            results.append(get_cart(table, cart))
        else:
            raise ValueError("130.crud-api has no route %r; routes: PUT /cart, GET /cart/{id}, GET /cart" % route)
    measurement.phase("compute")
    return sebs.output(results, begin, measurement)
