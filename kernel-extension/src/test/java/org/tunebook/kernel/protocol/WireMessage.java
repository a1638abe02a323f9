package org.tunebook.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A message as received from the kernel: its header, parent header, metadata and content. */
public record WireMessage(String channel, JsonObject header, JsonObject parentHeader, JsonObject metadata,
        JsonObject content) {

    /** The header's {@code msg_type}, e.g. {@code execute_reply}. */
    public String type() {
        return header.get("msg_type").getAsString();
    }

    /** The {@code msg_id} of the request this message answers, or null. */
    public String parentId() {
        JsonElement id = parentHeader.get("msg_id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }

    /** A top-level string of the content, or null. */
    public String string(String field) {
        JsonElement e = content.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Whether this is a {@code status} message with the given {@code execution_state}. */
    public boolean isStatus(String state) {
        return type().equals("status") && state.equals(string("execution_state"));
    }

    /** A MIME type's entry of the content's {@code data} (display data, results), or null. */
    public String data(String mime) {
        JsonObject data = content.getAsJsonObject("data");
        JsonElement e = data == null ? null : data.get(mime);
        return e == null ? null : e.getAsString();
    }

    /** The {@code transient.display_id} of a display message, or null. */
    public String displayId() {
        JsonObject t = content.getAsJsonObject("transient");
        JsonElement id = t == null ? null : t.get("display_id");
        return id == null || id.isJsonNull() ? null : id.getAsString();
    }

    @Override
    public String toString() {
        return channel + " " + type() + " (parent " + parentId() + ") " + content;
    }
}
