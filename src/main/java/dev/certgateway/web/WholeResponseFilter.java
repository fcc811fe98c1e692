package dev.certgateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an answer that fits the server's response buffer (8 KiB; an issued certificate's is 2-4 KiB) whole: status,
 * headers with its {@code Content-Length}, and body in one write when the request completes.
 *
 * <p>Spring MVC flushes the response after writing a {@code ResponseEntity}'s body. Flushed, the server has to send
 * the headers before it knows the body's length, and so sends the body chunked and the closing chunk in a second
 * write; the client reads twice. Holding that flush back until the request completes costs nothing: nothing is
 * sent later than it would be, since the handler has written everything by then. A body larger than the buffer is
 * still sent as the buffer fills.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushAtCompletion(response));
    }

    private static final class FlushAtCompletion extends HttpServletResponseWrapper {

        FlushAtCompletion(HttpServletResponse response) {
            super(response);
        }

        /** The server flushes the buffer itself when the request completes, with the body's length then known. */
        @Override
        public void flushBuffer() {
        }
    }
}
