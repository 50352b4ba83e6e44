package org.urbaninvest.platform.idempotency;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code POST} that creates or moves something as safe to retry with an {@code Idempotency-Key} header
 * (IETF httpapi draft): the first successful answer is stored with the key, in the transaction of the write, and a
 * retry with the same key and the same request gets that answer again without writing. Without the header nothing
 * changes. The OpenAPI document of every marked operation lists the header and its 409 and 422 answers.
 *
 * <p>The method must return a {@code Response} or a JSON-serialisable value.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE}) // TYPE only for the interceptor itself: mark methods
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
