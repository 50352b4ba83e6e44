package org.urbaninvest.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Actor;

/**
 * Runs an {@link Idempotent} call that carries an {@code Idempotency-Key} in one transaction with its key:
 * <ol>
 * <li>the key is locked for the transaction (another request with it in flight: 409, retry shortly);</li>
 * <li>a stored answer for it is replayed if the request is the same (same method, path, body), refused with 422
 * if it is not; nothing is written;</li>
 * <li>otherwise the call runs, joining this transaction, and its answer is stored before the commit.</li>
 * </ol>
 * A call that fails rolls back with its key, so a refused request stays unanswered and may be retried.
 * Runs inside bean validation (priority 4800): an invalid request is refused before it takes a key. A resource
 * method whose write needs a longer transaction than the default says so with {@code @TransactionConfiguration}.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    static final int IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    @Inject
    HttpServerRequest request;

    @Inject
    Actor actor;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object once(InvocationContext call) throws Exception {
        String header = request.getHeader(IdempotencyKey.HEADER);
        if (header == null) {
            return call.proceed();
        }
        IdempotencyKey key = IdempotencyKey.parse(actor.name(), header);
        TransactionConfiguration longer = call.getMethod().getAnnotation(TransactionConfiguration.class);
        try {
            return (longer != null && longer.timeout() > 0
                    ? QuarkusTransaction.joiningExisting().timeout(longer.timeout())
                    : QuarkusTransaction.joiningExisting()).call(() -> once(call, key));
        } catch (QuarkusTransactionException e) {
            // a checked exception of the resource, or a commit that failed: the problem mapper reads its causes
            throw e.getCause() instanceof Exception cause && !(cause instanceof RuntimeException) ? cause : e;
        }
    }

    private Object once(InvocationContext call, IdempotencyKey key) throws Exception {
        if (!store.claim(key)) {
            throw ProblemException.conflict("a request with this Idempotency-Key is still in progress;"
                    + " retry it shortly", IN_FLIGHT_RETRY_AFTER_SECONDS);
        }
        RequestFingerprint fingerprint = RequestFingerprint.of(request.method().name(), request.uri(), call, json);
        Optional<IdempotencyStore.Entry> first = store.find(key);
        if (first.isPresent()) {
            if (!first.get().fingerprint().equals(fingerprint.value())) {
                throw ProblemException.unprocessableContent(IdempotencyKey.HEADER,
                        "was already used for a different request; use a new key for a new request");
            }
            return first.get().answer().replay(call.getMethod(), json);
        }
        Object result = call.proceed();
        StoredAnswer answer = StoredAnswer.of(result, json);
        if (answer.successful()) {
            store.save(key, fingerprint.value(), answer);
        }
        return result;
    }
}
