package org.serverlessbench.openwhisk.client;

/** Canned OpenWhisk JSON, shaped as the reference describes (with an unknown field to prove tolerance). */
final class Records {

    static final String ID = "0123456789abcdef0123456789abcdef";

    private Records() {
    }

    static String activation(String id, String status, String resultJson, boolean cold) {
        boolean success = status.equals("success");
        int statusCode = switch (status) {
            case "success" -> 0;
            case "application error" -> 1;
            case "action developer error" -> 2;
            default -> 3;
        };
        return "{\"activationId\":\"" + id + "\",\"namespace\":\"guest\",\"name\":\"hello\",\"version\":\"0.0.1\","
                + "\"subject\":\"guest\",\"publish\":false,\"start\":1700000000000,\"end\":1700000000120,"
                + "\"duration\":120,\"statusCode\":" + statusCode + ","
                + "\"response\":{\"status\":\"" + status + "\",\"success\":" + success + ",\"result\":" + resultJson
                + ",\"size\":17},"
                + "\"logs\":[\"2026-11-26T17:00:00.000Z       stdout: hi\"],"
                + "\"annotations\":[{\"key\":\"limits\",\"value\":{\"concurrency\":1,\"logs\":10,\"memory\":256,"
                + "\"timeout\":60000}},{\"key\":\"path\",\"value\":\"guest/hello\"},{\"key\":\"kind\",\"value\":"
                + "\"nodejs:20\"},{\"key\":\"timeout\",\"value\":false}"
                + (cold ? ",{\"key\":\"initTime\",\"value\":35}" : "")
                + ",{\"key\":\"waitTime\",\"value\":12}],\"someFutureField\":{\"x\":[1,2]}}";
    }

    static String success(String resultJson) {
        return activation(ID, "success", resultJson, true);
    }

    static String action(String name, String version) {
        return "{\"namespace\":\"guest\",\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"publish\":false,"
                + "\"exec\":{\"kind\":\"nodejs:20\",\"code\":\"function main(a){return a}\",\"binary\":false},"
                + "\"limits\":{\"timeout\":60000,\"memory\":256,\"logs\":10,\"concurrency\":1},"
                + "\"parameters\":[{\"key\":\"greeting\",\"value\":\"hi\"}],"
                + "\"annotations\":[{\"key\":\"exec\",\"value\":\"nodejs:20\"},"
                + "{\"key\":\"provide-api-key\",\"value\":false}],\"updated\":1700000000000,\"entityType\":\"action\"}";
    }
}
