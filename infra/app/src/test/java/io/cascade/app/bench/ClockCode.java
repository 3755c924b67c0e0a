// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.util.OptionalLong;

/**
 * A wall-clock time drawn into a video frame so that it survives scaling and lossy compression
 * and reads back exactly, or not at all.
 *
 * <p>Layout: the top fifth of the frame is a band of {@link #ROWS} rows of {@link #COLUMNS} cells,
 * each cell black or white: 4 sync cells (white, black, white, black), then 32 bits of the time in
 * milliseconds since the epoch modulo 2<sup>32</sup> (most significant first), then a CRC-16/CCITT
 * of those 4 bytes. Cells are sized relative to the frame (a cell is 1/26 of the width and 1/10 of
 * the height), so the code reads the same at 1280x720 and after the ladder's downscale to 640x360,
 * and each is large enough (24x36 pixels at 360p) that x264 at a few hundred kbit/s keeps it
 * black or white. A reader takes the mean luma of the middle half of each cell ({@link #sample}).
 *
 * <p>Decoding ({@link #decode}) refuses rather than guesses: the sync cells must show a clear
 * contrast, every cell must sit clearly on one side of the midpoint, and the CRC must match. A
 * frame without the code (a slate, a garbage frame) therefore gives no reading; a false reading
 * needs the sync, the margins and the 16-bit CRC to agree by chance.
 */
public final class ClockCode {
    /** Cells per row. */
    public static final int COLUMNS = 26;
    /** Rows of cells. */
    public static final int ROWS = 2;
    /** Cells in all. */
    public static final int CELLS = COLUMNS * ROWS;
    private static final int SYNC = 4;
    private static final int DATA_BITS = 32;
    private static final int CRC_BITS = 16;
    /** Minimum white-minus-black luma of the sync cells. */
    private static final double MIN_CONTRAST = 60;
    /** Every cell must be at least this share of the contrast away from the midpoint. */
    private static final double MIN_MARGIN = 0.25;

    private ClockCode() {
    }

    /** Height of the band the code occupies, in rows of a frame {@code height} high. */
    public static int bandHeight(int height) {
        return height * ROWS / 10;
    }

    /** The 52 cell values (true = white) that encode {@code epochMillis}. */
    public static boolean[] cells(long epochMillis) {
        int value = (int) epochMillis;
        boolean[] c = new boolean[CELLS];
        c[0] = true;
        c[2] = true;
        for (int i = 0; i < DATA_BITS; i++) {
            c[SYNC + i] = ((value >>> (31 - i)) & 1) != 0;
        }
        int crc = crc16(value);
        for (int i = 0; i < CRC_BITS; i++) {
            c[SYNC + DATA_BITS + i] = ((crc >>> (15 - i)) & 1) != 0;
        }
        return c;
    }

    /** Draws the code for {@code epochMillis} into an 8-bit luma plane (row stride = width). */
    public static void draw(byte[] luma, int width, int height, long epochMillis) {
        boolean[] c = cells(epochMillis);
        for (int cell = 0; cell < CELLS; cell++) {
            byte v = c[cell] ? (byte) 255 : 0;
            int x0 = left(cell % COLUMNS, width);
            int x1 = left(cell % COLUMNS + 1, width);
            int y0 = top(cell / COLUMNS, height);
            int y1 = top(cell / COLUMNS + 1, height);
            for (int y = y0; y < y1; y++) {
                java.util.Arrays.fill(luma, y * width + x0, y * width + x1, v);
            }
        }
    }

    /**
     * Mean luma of the middle half of each cell of a luma plane: what {@link #decode} reads.
     *
     * @param stride bytes from one row to the next
     */
    public static double[] sample(byte[] luma, int width, int height, int stride) {
        double[] means = new double[CELLS];
        for (int cell = 0; cell < CELLS; cell++) {
            int xa = left(cell % COLUMNS, width);
            int xb = left(cell % COLUMNS + 1, width);
            int ya = top(cell / COLUMNS, height);
            int yb = top(cell / COLUMNS + 1, height);
            int x0 = xa + (xb - xa) / 4;
            int x1 = Math.max(x0 + 1, xb - (xb - xa) / 4);
            int y0 = ya + (yb - ya) / 4;
            int y1 = Math.max(y0 + 1, yb - (yb - ya) / 4);
            long sum = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    sum += luma[y * stride + x] & 0xff;
                }
            }
            means[cell] = (double) sum / ((long) (x1 - x0) * (y1 - y0));
        }
        return means;
    }

    /**
     * The time the cells encode, unwrapped to the 2<sup>32</sup> ms window ending at
     * {@code nowMillis} (the reader's clock, which is later than the stamp), or empty when the
     * cells do not hold a valid code.
     */
    public static OptionalLong decode(double[] means, long nowMillis) {
        if (means == null || means.length != CELLS) {
            return OptionalLong.empty();
        }
        double white = (means[0] + means[2]) / 2;
        double black = (means[1] + means[3]) / 2;
        double contrast = white - black;
        if (!(contrast >= MIN_CONTRAST)) {
            return OptionalLong.empty();
        }
        double mid = (white + black) / 2;
        double margin = contrast * MIN_MARGIN;
        long bits = 0;
        for (int cell = 0; cell < CELLS; cell++) {
            double d = means[cell] - mid;
            if (Math.abs(d) < margin) {
                return OptionalLong.empty();
            }
            boolean one = d > 0;
            if (cell < SYNC) {
                if (one != (cell % 2 == 0)) {
                    return OptionalLong.empty();
                }
                continue;
            }
            bits = (bits << 1) | (one ? 1 : 0);
        }
        int value = (int) (bits >>> CRC_BITS);
        int crc = (int) (bits & 0xffff);
        if (crc16(value) != crc) {
            return OptionalLong.empty();
        }
        long back = ((int) nowMillis - value) & 0xffffffffL;
        return OptionalLong.of(nowMillis - back);
    }

    private static int left(int column, int width) {
        return column * width / COLUMNS;
    }

    private static int top(int row, int height) {
        return row * height / 10;
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of the value's 4 big-endian bytes. */
    static int crc16(int value) {
        int crc = 0xffff;
        for (int shift = 24; shift >= 0; shift -= 8) {
            crc ^= ((value >>> shift) & 0xff) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
            }
        }
        return crc;
    }
}
