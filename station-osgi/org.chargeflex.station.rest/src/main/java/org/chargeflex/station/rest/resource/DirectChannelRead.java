package org.chargeflex.station.rest.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.rest.resource.JsonViews.ChannelView;

/**
 * The API's most frequent request, {@code GET <mount>/channels/<label>} of an existing channel with no query and a
 * plain JSON (or no) {@code Accept} header, answered without Jersey: the same view as {@link ChannelsResource#get}
 * gives, written by the same mapper, with the same status and headers ({@code Content-Type: application/json},
 * {@code Content-Length}). Jersey's and HK2's request processing makes most of the garbage of a request, which the
 * station's small heap turns into frequent young-generation pauses; this path allocates little more than the answer.
 * Every other request (another path, a query, another {@code Accept}, an unknown label, a directory, no data manager)
 * is left to Jersey, and so is a read that fails here. Authentication happens before, as for every request.
 */
public final class DirectChannelRead {
    private static final String PREFIX = "/channels/";
    private static final String JSON = "application/json";

    private final ChannelAccess access;
    private final ObjectWriter writer;

    public DirectChannelRead(ChannelAccess access, ObjectMapper mapper) {
        this.access = access;
        this.writer = mapper.writerFor(ChannelView.class);
    }

    /**
     * Answers the request if it is a plain read of one channel.
     *
     * @param pathInfo the request path below the servlet's mount point, e.g. {@code /channels/outlet1/power}
     * @return true if the request has been answered; false if it is Jersey's to answer (nothing was written)
     */
    public boolean serve(HttpServletRequest request, String pathInfo, HttpServletResponse response)
            throws IOException {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null
                || !plainJsonAccepted(request.getHeader("Accept")) || !isPlainLabelPath(pathInfo)
                || !isPlainUri(request.getRequestURI())) {
            return false;
        }
        DataAccessService das = access.current();
        if (das == null) {
            return false;
        }
        Optional<Channel> channel = access.channel(das, ChannelAccess.normalize(pathInfo.substring(PREFIX.length())));
        if (channel.isEmpty()) {
            return false;
        }
        Channel c = channel.get();
        byte[] body;
        try {
            body = writer.writeValueAsBytes(ChannelView.of(c, c.getLatestRecord()));
        } catch (RuntimeException e) {
            return false; // a failing channel: Jersey does the same again and answers (and logs) as it always does
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return true;
    }

    /** No Accept header, or one that Jersey would certainly answer with application/json. */
    static boolean plainJsonAccepted(String accept) {
        if (accept == null) {
            return true;
        }
        String a = accept.trim();
        return a.equals("*/*") || a.equals(JSON) || a.equals("application/*");
    }

    /** {@code /channels/<label>} where the label is made of letters, digits and {@code / _ - . :} only. */
    static boolean isPlainLabelPath(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith(PREFIX) || pathInfo.length() == PREFIX.length()
                || pathInfo.contains("//") || pathInfo.contains("/./") || pathInfo.contains("/../")
                || pathInfo.endsWith("/.") || pathInfo.endsWith("/..")) {
            return false;
        }
        for (int i = PREFIX.length(); i < pathInfo.length(); i++) {
            char ch = pathInfo.charAt(i);
            boolean plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '/' || ch == '_' || ch == '-' || ch == '.' || ch == ':';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** A request URI without percent-escapes or path parameters: the label Jersey would decode is the same. */
    static boolean isPlainUri(String requestUri) {
        return requestUri != null && requestUri.indexOf('%') < 0 && requestUri.indexOf(';') < 0;
    }
}
