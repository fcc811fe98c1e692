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
 * backend's outages and slowness (alias {@code test-controlled}), or, declared as signing in process, for a slow
 * local signer (alias {@code test-controlled-in-process}).
 */
public final class ControllableAuthority implements CertificateAuthority {

    public static final String ALIAS = "test-controlled";
    public static final String IN_PROCESS_ALIAS = "test-controlled-in-process";

    private final CertificateAuthority delegate;
    private final boolean signsInProcess;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> entered = new AtomicReference<>();
    private final AtomicInteger signatures = new AtomicInteger();

    private ControllableAuthority(CertificateAuthority delegate, boolean signsInProcess) {
        this.delegate = delegate;
        this.signsInProcess = signsInProcess;
    }

    /** Treated as a remote backend: the gateway checks what it returns and claims tokens before signing. */
    public static ControllableAuthority remote(CertificateAuthority delegate) {
        return new ControllableAuthority(delegate, false);
    }

    /** Treated as the local signer it wraps. */
    public static ControllableAuthority inProcess(CertificateAuthority delegate) {
        return new ControllableAuthority(delegate, true);
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
        return signsInProcess ? IN_PROCESS_ALIAS : ALIAS;
    }

    @Override
    public String arn() {
        return "arn:aws:acm-pca:local:000000000000:certificate-authority/"
                + (signsInProcess ? "controlled-in-process" : "controlled");
    }

    @Override
    public boolean signsInProcess() {
        return signsInProcess;
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
