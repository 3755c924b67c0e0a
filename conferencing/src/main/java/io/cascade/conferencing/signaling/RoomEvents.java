// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/** What rooms tell the rest of the platform (docs/events.md, "Rooms"). */
public interface RoomEvents {

    void participantJoined(String room, String user, int members, boolean audioOnly);

    void participantLeft(String room, String user, int members);

    /** The room moved between mesh and SFU ({@code previous} null when the room was created). */
    void modeChanged(String room, RoomMode mode, RoomMode previous, int members, int threshold);

    /** The null object. */
    static RoomEvents none() {
        return new RoomEvents() {
            @Override
            public void participantJoined(String room, String user, int members, boolean audioOnly) {}

            @Override
            public void participantLeft(String room, String user, int members) {}

            @Override
            public void modeChanged(String room, RoomMode mode, RoomMode previous, int members, int threshold) {}
        };
    }
}
