package dev.atelier.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a checked PNG of 8-bit grey, grey and alpha, RGB or RGBA samples, not interlaced and without tRNS (what
 * image models write), one row at a time, and averages its pixels into a thumbnail as the rows come. Every row is
 * inflated and unfiltered, so the compressed data is checked whole: it must inflate to exactly the rows the header
 * declares, each with a known filter, and end with its checksum. Only two rows and one row of sums are held, never
 * the whole picture; the output stops being read the moment it runs past the declared size, so a decompression
 * bomb costs no more than an honest image of its header's size. Other PNGs are decoded by ImageIO.
 */
final class PngRowDecoder {

    private final PngStructure.PngFile png;
    private final byte[] data;
    private final int width;
    private final int height;
    private final int bytesPerPixel;
    private final boolean alpha;
    // 1 / (pixels averaged) per thumbnail column, by the number of source rows in a band. Scaling down by a factor
    // that is not whole makes bands of two heights, one row apart, that alternate: both are kept.
    private final Map<Integer, double[]> reciprocals = new HashMap<>(4);

    private PngRowDecoder(byte[] data, PngStructure.PngFile png) {
        this.data = data;
        this.png = png;
        this.width = png.header().width();
        this.height = png.header().height();
        this.bytesPerPixel = png.header().samplesPerPixel();
        this.alpha = png.colourType() == 4 || png.colourType() == 6;
    }

    /** Whether {@link #thumbnail} can decode this PNG. */
    static boolean supports(PngStructure.PngFile png) {
        int type = png.colourType();
        return png.header().bitsPerSample() == 8 && !png.interlaced() && !png.has("tRNS")
                && (type == 0 || type == 2 || type == 4 || type == 6);
    }

    /**
     * The picture scaled down (by averaging) so that its longer side is at most {@code maxSide}, transparency shown
     * on white, as a BGR image; a picture already that small keeps its size.
     *
     * @throws MediaRejectedException when the image data is damaged, short or too long
     */
    static BufferedImage thumbnail(byte[] data, PngStructure.PngFile png, int maxSide)
            throws MediaRejectedException {
        if (!supports(png)) {
            throw new IllegalArgumentException("not an 8-bit, non-interlaced grey or RGB PNG without tRNS");
        }
        Inflater inflater = new Inflater();
        try {
            return new PngRowDecoder(data, png).decode(inflater, maxSide);
        } catch (DataFormatException e) {
            throw unreadable();
        } finally {
            inflater.end();
        }
    }

    private BufferedImage decode(Inflater inflater, int maxSide) throws DataFormatException, MediaRejectedException {
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        // Three bytes a pixel: the JPEG writer takes these without converting each pixel first.
        BufferedImage thumbnail = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) thumbnail.getRaster().getDataBuffer()).getData();
        // Where each source column's sums go (three per thumbnail column), and how many source columns each takes.
        int[] column = new int[width];
        int[] columnPixels = new int[targetWidth];
        for (int x = 0; x < width; x++) {
            int target = (int) ((long) x * targetWidth / width);
            column[x] = target * 3;
            columnPixels[target]++;
        }
        long[] sums = new long[targetWidth * 3];
        Iterator<PngStructure.Chunk> idat = png.chunks().stream().filter(c -> c.type().equals("IDAT")).iterator();
        int rowBytes = width * bytesPerPixel;
        byte[] previous = new byte[rowBytes];
        byte[] row = new byte[rowBytes];
        byte[] filter = new byte[1];
        int bandRows = 0;
        int band = 0;
        for (int y = 0; y < height; y++) {
            read(inflater, idat, filter, 0, 1);
            read(inflater, idat, row, 0, rowBytes);
            unfilter(filter[0], row, previous);
            int rowBand = (int) ((long) y * targetHeight / height);
            if (rowBand != band) {
                emit(sums, columnPixels, bandRows, out, band * targetWidth * 3);
                band = rowBand;
                bandRows = 0;
            }
            accumulate(row, column, columnPixels, sums);
            bandRows++;
            byte[] swap = previous;
            previous = row;
            row = swap;
        }
        emit(sums, columnPixels, bandRows, out, band * targetWidth * 3);
        requireEnd(inflater, idat);
        return thumbnail;
    }

    /** Inflates exactly {@code length} bytes, feeding the IDAT chunks in turn. */
    private void read(Inflater inflater, Iterator<PngStructure.Chunk> idat, byte[] into, int offset, int length)
            throws DataFormatException, MediaRejectedException {
        while (length > 0) {
            int n = inflater.inflate(into, offset, length);
            offset += n;
            length -= n;
            if (n == 0) {
                feed(inflater, idat);
            }
        }
    }

    // Called when the inflater produced nothing: it needs input, or the stream ended (or wants a dictionary) early.
    private void feed(Inflater inflater, Iterator<PngStructure.Chunk> idat) throws MediaRejectedException {
        if (inflater.finished() || inflater.needsDictionary() || !inflater.needsInput() || !idat.hasNext()) {
            throw unreadable();
        }
        PngStructure.Chunk chunk = idat.next();
        inflater.setInput(data, chunk.dataStart(), chunk.length());
    }

    /** The stream must end (its checksum read) right after the last row, with no data left over. */
    private void requireEnd(Inflater inflater, Iterator<PngStructure.Chunk> idat)
            throws DataFormatException, MediaRejectedException {
        byte[] one = new byte[1];
        while (!inflater.finished()) {
            if (inflater.inflate(one) > 0) {
                throw unreadable();
            }
            if (!inflater.finished()) {
                feed(inflater, idat);
            }
        }
        if (inflater.getRemaining() > 0) {
            throw unreadable();
        }
        while (idat.hasNext()) {
            if (idat.next().length() > 0) {
                throw unreadable();
            }
        }
    }

    private void unfilter(byte type, byte[] row, byte[] previous) throws MediaRejectedException {
        int bpp = bytesPerPixel;
        int n = row.length;
        switch (type) {
            case 0 -> { }
            case 1 -> {
                for (int i = bpp; i < n; i++) {
                    row[i] += row[i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    row[i] += previous[i];
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    row[i] += (byte) ((previous[i] & 0xFF) >>> 1);
                }
                for (int i = bpp; i < n; i++) {
                    row[i] += (byte) (((row[i - bpp] & 0xFF) + (previous[i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) {
                    row[i] += previous[i];
                }
                for (int i = bpp; i < n; i++) {
                    row[i] += (byte) paeth(row[i - bpp] & 0xFF, previous[i] & 0xFF, previous[i - bpp] & 0xFF);
                }
            }
            default -> throw unreadable();
        }
    }

    private static int paeth(int left, int up, int upLeft) {
        int p = left + up - upLeft;
        int pa = Math.abs(p - left);
        int pb = Math.abs(p - up);
        int pc = Math.abs(p - upLeft);
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }

    /** Adds the row's pixels, shown on white, to the sums of their thumbnail columns. */
    private void accumulate(byte[] row, int[] column, int[] columnPixels, long[] sums) {
        if (bytesPerPixel == 3) {
            // The source columns of one thumbnail column are consecutive: each run is summed in locals and added to
            // the sums once, instead of a look-up and three stores per pixel (a third of a 1024² decode's time).
            for (int target = 0, i = 0; target < columnPixels.length; target++) {
                long r = 0;
                long g = 0;
                long b = 0;
                for (int end = i + columnPixels[target] * 3; i < end; i += 3) {
                    r += row[i] & 0xFF;
                    g += row[i + 1] & 0xFF;
                    b += row[i + 2] & 0xFF;
                }
                int s = target * 3;
                sums[s] += r;
                sums[s + 1] += g;
                sums[s + 2] += b;
            }
            return;
        }
        int bpp = bytesPerPixel;
        boolean grey = bpp <= 2;
        for (int x = 0, i = 0; x < width; x++, i += bpp) {
            int r = row[i] & 0xFF;
            int g = grey ? r : row[i + 1] & 0xFF;
            int b = grey ? r : row[i + 2] & 0xFF;
            if (alpha) {
                int a = row[i + bpp - 1] & 0xFF;
                int white = 255 * (255 - a);
                r = (r * a + white) / 255;
                g = (g * a + white) / 255;
                b = (b * a + white) / 255;
            }
            int s = column[x];
            sums[s] += r;
            sums[s + 1] += g;
            sums[s + 2] += b;
        }
    }

    /** Writes one thumbnail row, the averages of its band of source rows, and clears the sums. */
    private void emit(long[] sums, int[] columnPixels, int rows, byte[] out, int offset) {
        double[] perBand = reciprocals.computeIfAbsent(rows, r -> reciprocalsOf(columnPixels, r));
        for (int x = 0; x < columnPixels.length; x++) {
            double perPixel = perBand[x];
            int s = x * 3;
            int o = offset + s;
            out[o] = (byte) (sums[s + 2] * perPixel + 0.5);
            out[o + 1] = (byte) (sums[s + 1] * perPixel + 0.5);
            out[o + 2] = (byte) (sums[s] * perPixel + 0.5);
            sums[s] = 0;
            sums[s + 1] = 0;
            sums[s + 2] = 0;
        }
    }

    private static double[] reciprocalsOf(int[] columnPixels, int rows) {
        double[] reciprocals = new double[columnPixels.length];
        for (int x = 0; x < columnPixels.length; x++) {
            reciprocals[x] = 1.0 / ((long) columnPixels[x] * rows);
        }
        return reciprocals;
    }

    private static MediaRejectedException unreadable() {
        return MediaRejectedException.unreadable(UploadFormat.PNG.typeName);
    }
}
