package org.chargeflex.station.rest.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.chargeflex.station.api.Flag;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus
 * {@code flag} where a channel flag caused it and any extension members. Built fluently; {@link #toJson()} gives the
 * body in a stable member order.
 */
public final class Problem {
    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Prefix of every problem {@code type} this server uses; the suffix is the slug listed in the API docs. */
    public static final String TYPE_PREFIX = "urn:chargeflex:problem:";

    private final int status;
    private final String type;
    private final String title;
    private String detail;
    private String instance;
    private Flag flag;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(int status, String type, String title) {
        this.status = status;
        this.type = Objects.requireNonNull(type);
        this.title = Objects.requireNonNull(title);
    }

    /** A problem of type {@code urn:chargeflex:problem:<slug>}. */
    public static Problem of(int status, String slug, String title) {
        return new Problem(status, TYPE_PREFIX + slug, title);
    }

    /** A plain HTTP error without further semantics: type {@code about:blank}, the title is the reason phrase. */
    public static Problem plain(int status, String title) {
        return new Problem(status, "about:blank", title);
    }

    public Problem detail(String detail) {
        this.detail = detail;
        return this;
    }

    public Problem instance(String instance) {
        this.instance = instance;
        return this;
    }

    public Problem flag(Flag flag) {
        this.flag = flag;
        return this;
    }

    /** An extension member, e.g. {@code label} or {@code accepted}. */
    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String instance() {
        return instance;
    }

    public Flag flag() {
        return flag;
    }

    /** The JSON body: members that are not set are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("status", status);
        if (detail != null) {
            m.put("detail", detail);
        }
        if (instance != null) {
            m.put("instance", instance);
        }
        if (flag != null) {
            m.put("flag", flag.name());
        }
        extensions.forEach(m::putIfAbsent);
        return m;
    }

    @Override
    public String toString() {
        return "Problem" + toJson();
    }
}
