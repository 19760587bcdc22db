package org.avpipeline.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A protocol-level FAKE of AWS Systems Manager Parameter Store's {@code GetParameter}: no SSM emulator exists for
 * these tests (fauxqs covers SNS, SQS and S3 only), so this speaks the real wire protocol the SDK uses (AWS JSON 1.1:
 * {@code POST /}, {@code X-Amz-Target: AmazonSSM.GetParameter}, {@code Content-Type: application/x-amz-json-1.1}) on
 * 127.0.0.1, and answers as SSM does: the parameter, or the {@code ParameterNotFound} /
 * {@code AccessDeniedException} error with HTTP 400. It records every request for assertions.
 */
public final class SsmFake implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> parameters = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request as received: the target header, the content type and the JSON body. */
    public record Request(String target, String contentType, JsonNode body) {}

    public SsmFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Stores a SecureString parameter. */
    public void put(String name, String value) {
        parameters.put(name, value);
    }

    /** Makes reading this parameter answer AccessDeniedException, as without ssm:GetParameter permission. */
    public void deny(String name) {
        denied.add(name);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            requests.add(new Request(target, contentType, body));

            if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, error("UnknownOperationException", "no such resource"));
                return;
            }
            if (!"AmazonSSM.GetParameter".equals(target)) {
                send(exchange, 400, error("UnknownOperationException", "this fake knows only GetParameter"));
                return;
            }
            String name = body.path("Name").asText("");
            if (denied.contains(name)) {
                send(exchange, 400, error("AccessDeniedException", "User: arn:aws:sts::000000000000:assumed-role/task"
                        + " is not authorized to perform: ssm:GetParameter on resource: "
                        + "arn:aws:ssm:us-east-1:000000000000:parameter" + name));
                return;
            }
            String value = parameters.get(name);
            if (value == null) {
                send(exchange, 400, error("ParameterNotFound", null));
                return;
            }
            ObjectNode parameter = JSON.createObjectNode();
            parameter.put("Name", name);
            parameter.put("Type", "SecureString");
            // SSM returns the ciphertext unless WithDecryption is true
            parameter.put("Value", body.path("WithDecryption").asBoolean(false) ? value : "AQICAHh-encrypted-blob");
            parameter.put("Version", 1);
            parameter.put("LastModifiedDate", 1.7e9);
            parameter.put("ARN", "arn:aws:ssm:us-east-1:000000000000:parameter" + name);
            parameter.put("DataType", "text");
            ObjectNode answer = JSON.createObjectNode();
            answer.set("Parameter", parameter);
            send(exchange, 200, answer);
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("__type", type);
        if (message != null) {
            node.put("message", message);
        }
        return node;
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        if (status != 200) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", json.path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
