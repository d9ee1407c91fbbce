package org.privacyplatform.portal.banner;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.privacyplatform.portal.api.Purpose;
import org.privacyplatform.portal.api.Purposes;
import org.privacyplatform.portal.banner.BannerConfig.BannerPurpose;

/**
 * The purposes the banner shows, read from the public catalogue and kept for a minute: every page view of every
 * customer's visitor asks for them, the catalogue changes rarely. A notice published through this portal's console is
 * shown at once; one published straight through the consent API within the minute.
 */
@ApplicationScoped
public class BannerPurposes {

    private static final Duration KEPT = Duration.ofMinutes(1);

    private final Purposes purposes;
    private final Set<String> essential;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    public BannerPurposes(Purposes purposes,
            @ConfigProperty(name = "portal.banner.essential-purposes", defaultValue = "cookies-essential") Set<String> essential) {
        this.purposes = purposes;
        this.essential = essential;
    }

    /** The essential purposes first (always on), then the device-eligible consent purposes. */
    public List<BannerPurpose> shown() {
        Snapshot snapshot = last.get();
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.readAt() > KEPT.toNanos()) {
            snapshot = new Snapshot(read(), now);
            last.set(snapshot);
        }
        return snapshot.purposes();
    }

    /** Forgets the copy, so that the next view reads the catalogue: the console just published a notice. */
    public void forget() {
        last.set(null);
    }

    private List<BannerPurpose> read() {
        List<Purpose> all = purposes.all();
        return java.util.stream.Stream.concat(
                all.stream().filter(p -> essential.contains(p.id())).map(p -> BannerPurpose.of(p, true)),
                all.stream().filter(p -> p.deviceEligible() && p.isConsentBased() && !essential.contains(p.id()))
                        .map(p -> BannerPurpose.of(p, false)))
                .toList();
    }

    private record Snapshot(List<BannerPurpose> purposes, long readAt) {
    }
}
