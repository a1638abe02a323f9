package org.tunebook.samplers;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.Map;
import org.tunebook.storage.Storage;

/**
 * Keeps a study's CMA-ES state in its system attributes, as JSON text cut into chunks (Optuna keeps its
 * pickled optimizer in chunks too; this is our own format): {@value #META} holds {@code "count:hash"} and is
 * written last, {@code cma:state:0 .. count-1} the text. A reader checks the hash, so a state half-written by
 * another process is never taken for a whole one. Chunks stay far below the 64 KiB of MySQL's {@code TEXT}.
 */
final class CmaStore {

    static final String META = "cma:state:meta";
    private static final String CHUNK = "cma:state:";
    private static final int CHUNK_CHARS = 16_000;
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private CmaStore() {
    }

    /** The stored meta value, or null when the study has no CMA-ES state. */
    static String meta(Map<String, Object> studySystemAttrs) {
        Object meta = studySystemAttrs.get(META);
        return meta instanceof String s ? s : null;
    }

    /** The state named by {@code meta}, or null when the chunks do not match it (a write in progress). */
    static CmaEs.State read(Map<String, Object> attrs, String meta) {
        int colon = meta.indexOf(':');
        int count;
        try {
            count = Integer.parseInt(meta.substring(0, colon));
        } catch (RuntimeException e) {
            return null;
        }
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (!(attrs.get(CHUNK + i) instanceof String chunk)) {
                return null;
            }
            json.append(chunk);
        }
        if (!meta.equals(count + ":" + Long.toHexString(Seeds.hash(json.toString())))) {
            return null;
        }
        try {
            return GSON.fromJson(json.toString(), CmaEs.State.class);
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** Writes a state and returns its meta value. */
    static String write(Storage storage, int studyId, CmaEs.State state) {
        String json = GSON.toJson(state);
        int count = Math.max(1, (json.length() + CHUNK_CHARS - 1) / CHUNK_CHARS);
        for (int i = 0; i < count; i++) {
            storage.setStudySystemAttr(studyId, CHUNK + i,
                    json.substring(i * CHUNK_CHARS, Math.min(json.length(), (i + 1) * CHUNK_CHARS)));
        }
        String meta = count + ":" + Long.toHexString(Seeds.hash(json));
        storage.setStudySystemAttr(studyId, META, meta);
        return meta;
    }
}
