// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.util.Arrays;

/**
 * One direction's master key and master salt (RFC 3711 §3.2.1), copied in and never printed.
 */
public final class SrtpMasterKey {
    private final byte[] key;
    private final byte[] salt;

    /**
     * @param profile fixes the lengths: a 16-octet key and {@link SrtpProfile#saltLength()} salt
     */
    public SrtpMasterKey(SrtpProfile profile, byte[] key, byte[] salt) {
        if (key.length != SrtpProfile.KEY_LENGTH || salt.length != profile.saltLength()) {
            throw new IllegalArgumentException("%s needs a %d-octet master key and a %d-octet salt, got %d and %d"
                    .formatted(profile, SrtpProfile.KEY_LENGTH, profile.saltLength(), key.length, salt.length));
        }
        this.key = key.clone();
        this.salt = salt.clone();
    }

    byte[] key() {
        return key;
    }

    byte[] salt() {
        return salt;
    }

    /** Overwrites the key material held here (the derived session keys are not affected). */
    public void wipe() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(salt, (byte) 0);
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[redacted]";
    }
}
