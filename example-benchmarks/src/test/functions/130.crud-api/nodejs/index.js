'use strict';

// 130.crud-api: a shopping cart over a NoSQL table (partition key cart_id, sort key product_id).
// Routes: "PUT /cart" adds a product, "GET /cart/{id}" reads one product, "GET /cart" lists the cart with its total
// and average price. The table's document client comes from storage.js, the helper that openwhisk-storage adds to
// the package (SeBS ships one alike); timings and the result shape come from sebs.js, the suite's shared harness.

const { GetCommand, PutCommand, QueryCommand } = require('@aws-sdk/lib-dynamodb');
const sebs = require('./sebs');
const storage = require('./storage');

async function addProduct(table, cart, body) {
  await table.documents.send(new PutCommand({
    TableName: table.name,
    Item: {
      cart_id: cart, product_id: body.product_id, name: body.name, price: body.price, quantity: body.quantity,
    },
  }));
  return {};
}

async function getProduct(table, cart, product) {
  const answer = await table.documents.send(new GetCommand({
    TableName: table.name, Key: { cart_id: cart, product_id: product }, ConsistentRead: true,
  }));
  return answer.Item ?? null;
}

async function getCart(table, cart) {
  const items = [];
  let start;
  do {
    const page = await table.documents.send(new QueryCommand({
      TableName: table.name,
      KeyConditionExpression: 'cart_id = :cart',
      ExpressionAttributeValues: { ':cart': cart },
      ConsistentRead: true,
      ExclusiveStartKey: start,
    }));
    items.push(...page.Items);
    start = page.LastEvaluatedKey;
  } while (start);
  const quantity = items.reduce((sum, item) => sum + item.quantity, 0);
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  return { products: items.map((item) => item.name), total_cost: total, avg_price: quantity ? total / quantity : 0 };
}

async function main(params) {
  const begin = sebs.nowSeconds();
  storage.bind(params);
  const table = storage.nosqlTable('shopping_cart');
  const measurement = new sebs.Measurement();
  const results = [];
  for (const request of params.requests) {
    const body = request.body || {};
    if (request.route === 'PUT /cart') {
      results.push(await addProduct(table, body.cart, body));
    } else if (request.route === 'GET /cart/{id}') {
      results.push(await getProduct(table, body.cart, request.path.id));
    } else if (request.route === 'GET /cart') {
      results.push(await getCart(table, body.cart));
    } else {
      throw new Error(`130.crud-api has no route "${request.route}"; routes: PUT /cart, GET /cart/{id}, GET /cart`);
    }
  }
  measurement.phase('compute');
  return sebs.output(results, begin, measurement.values);
}

exports.main = main;
