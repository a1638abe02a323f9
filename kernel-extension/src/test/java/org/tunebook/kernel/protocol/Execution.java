package org.tunebook.kernel.protocol;

import java.util.List;
import java.util.stream.Collectors;

/** One executed cell: its request id, the execute_reply, and its IOPub messages up to {@code status: idle}. */
public record Execution(String requestId, WireMessage reply, List<WireMessage> iopub) {

    /** The types of the IOPub messages, in order. */
    public List<String> types() {
        return iopub.stream().map(WireMessage::type).toList();
    }

    /** The reply's status: ok, error or aborted. */
    public String status() {
        return reply.string("status");
    }

    /** The IOPub messages of one type, in order. */
    public List<WireMessage> ofType(String type) {
        return iopub.stream().filter(m -> m.type().equals(type)).toList();
    }

    /** What the cell printed to stdout or stderr ({@code name} is "stdout" or "stderr"). */
    public String stream(String name) {
        return ofType("stream").stream().filter(m -> name.equals(m.string("name")))
                .map(m -> m.string("text")).collect(Collectors.joining());
    }

    /** The text/plain of the execute_result, or null when the cell had none. */
    public String result() {
        List<WireMessage> results = ofType("execute_result");
        return results.isEmpty() ? null : results.get(0).data("text/plain");
    }

    @Override
    public String toString() {
        return "reply " + reply.content() + ", iopub " + iopub;
    }
}
