package dev.certgateway.testsupport;

import dev.certgateway.authority.AuthorityStatus;
import dev.certgateway.authority.CertificateAuthority;
import dev.certgateway.authority.SigningRequest;
import dev.certgateway.authority.SigningResult;
import dev.certgateway.x509.IssuerInfo;
import dev.certgateway.x509.KeyAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * A real local authority whose next signature a test can make fail or wait, standing in for a remote
 * backend's outages and slowness. Alias {@code test-controlled}.
 */
public final class ControllableAuthority implements CertificateAuthority {

    public static final String ALIAS = "test-controlled";

    private final CertificateAuthority delegate;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> entered = new AtomicReference<>();
    private final AtomicInteger signatures = new AtomicInteger();

    public ControllableAuthority(CertificateAuthority delegate) {
        this.delegate = delegate;
    }

    public void failNext(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** The next signature waits until the returned latch is released; {@link #awaitEntered()} waits for it to start. */
    public CountDownLatch holdNext() {
        CountDownLatch latch = new CountDownLatch(1);
        entered.set(new CountDownLatch(1));
        gate.set(latch);
        return latch;
    }

    public void awaitEntered() throws InterruptedException {
        if (!entered.get().await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no signature started");
        }
    }

    public int signatures() {
        return signatures.get();
    }

    @Override
    public SigningResult sign(SigningRequest request) {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        CountDownLatch latch = gate.getAndSet(null);
        if (latch != null) {
            entered.get().countDown();
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        signatures.incrementAndGet();
        return delegate.sign(request);
    }

    @Override
    public String alias() {
        return ALIAS;
    }

    @Override
    public String arn() {
        return "arn:aws:acm-pca:local:000000000000:certificate-authority/controlled";
    }

    @Override
    public String backend() {
        return "test";
    }

    @Override
    public KeyAlgorithm keyAlgorithm() {
        return delegate.keyAlgorithm();
    }

    @Override
    public X509CertificateHolder certificate() {
        return delegate.certificate();
    }

    @Override
    public List<X509CertificateHolder> chain() {
        return delegate.chain();
    }

    @Override
    public AuthorityStatus status(Instant now) {
        return delegate.status(now);
    }

    @Override
    public IssuerInfo issuerInfo() {
        return delegate.issuerInfo();
    }
}
