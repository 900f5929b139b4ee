package org.hotlinekit.hashing.internal.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.hotlinekit.core.HotlinekitException;
import org.hotlinekit.core.InputReadException;
import org.hotlinekit.core.LimitExceededException;
import org.hotlinekit.core.MalformedInputException;
import org.hotlinekit.core.UnsupportedInputException;
import org.hotlinekit.hashing.internal.ReadErrors;
import org.hotlinekit.hashing.internal.image.webp.WebPDecoder;
import org.hotlinekit.hashing.pdq.PixelLayout;
import org.hotlinekit.hashing.pdq.Pixels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes JPEG, PNG, GIF, BMP and WebP to the 8-bit samples Meta's reference hashes.
 *
 * <p>What the reference sees is what ImageMagick's {@code convert file pnm:-} writes: stored
 * samples, no colour management, alpha dropped (not composited), EXIF orientation ignored, CMYK
 * converted with ImageMagick's plain formula. So rasters are read directly, never through {@code
 * BufferedImage.getRGB} (which applies colour conversion and, for gray images, a gamma curve).
 *
 * <p>Safety: the format is recognised from its magic bytes; width and height are read from the
 * header and checked against the pixel cap before any pixel is decoded; a truncated JPEG (which
 * ImageIO only warns about) is an error; 16-bit samples are refused; whatever a decoder throws on
 * corrupt input becomes a {@link MalformedInputException}.
 */
public final class ImageDecoder {
  private static final Logger LOG = LoggerFactory.getLogger(ImageDecoder.class);

  private ImageDecoder() {}

  /**
   * Decodes a file.
   *
   * @param file the image file
   * @param maxPixels the largest width x height accepted
   * @return the pixels
   * @throws InputReadException if the file cannot be read
   * @throws UnsupportedInputException if it is not a supported image format or bit depth
   * @throws LimitExceededException if it has more pixels than allowed
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public static Pixels decode(Path file, long maxPixels) {
    byte[] head = new byte[ImageFormat.SNIFF_BYTES];
    int n;
    try (var in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
    ImageFormat format = recognise(head, n);
    if (format == ImageFormat.WEBP) {
      try {
        return decode(Files.readAllBytes(file), maxPixels);
      } catch (IOException e) {
        throw ReadErrors.of(e);
      } catch (OutOfMemoryError e) {
        throw new LimitExceededException("the WebP file is too large to read into memory", e);
      }
    }
    try (ImageInputStream iis = BoundedImageStreams.of(file.toFile())) {
      return decode(iis, format, maxPixels);
    } catch (IOException e) {
      throw ReadErrors.of(e);
    }
  }

  /**
   * Decodes an encoded image held in memory.
   *
   * @param data the encoded image
   * @param maxPixels the largest width x height accepted
   * @return the pixels
   * @throws UnsupportedInputException if it is not a supported image format or bit depth
   * @throws LimitExceededException if it has more pixels than allowed
   * @throws MalformedInputException if it is corrupt or truncated
   */
  public static Pixels decode(byte[] data, long maxPixels) {
    ImageFormat format = recognise(data, data.length);
    if (format == ImageFormat.WEBP) {
      Optional<Pixels> lossy = decodeLossyWebP(data, maxPixels);
      if (lossy.isPresent()) {
        return lossy.get();
      }
    }
    try (ImageInputStream iis = BoundedImageStreams.of(new ByteArrayInputStream(data))) {
      return decode(iis, format, maxPixels);
    } catch (IOException e) {
      // Closing a memory-backed stream does not fail in practice.
      throw new InputReadException("could not read the image data: " + e.getMessage(), e);
    }
  }

  /**
   * Recognises a supported format or says why the input is not one.
   *
   * @param head the first bytes
   * @param length how many are valid
   * @return the format
   * @throws MalformedInputException for an empty input
   * @throws UnsupportedInputException if no supported format matches
   */
  public static ImageFormat recognise(byte[] head, int length) {
    if (length == 0) {
      throw new MalformedInputException("empty file: not an image");
    }
    Optional<ImageFormat> format = ImageFormat.sniff(head, length);
    return format.orElseThrow(
        () ->
            new UnsupportedInputException(
                "not a supported image: the content is not JPEG, PNG, GIF, BMP, WebP or TIFF"));
  }

  private static Pixels decode(ImageInputStream iis, ImageFormat format, long maxPixels) {
    ImageReader reader = readerFor(format);
    TruncationWatch watch = new TruncationWatch();
    try {
      reader.setInput(iis, true, true);
      reader.addIIOReadWarningListener(watch);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1) {
        throw new MalformedInputException(
            format.displayName() + " header gives an empty image: " + width + "x" + height);
      }
      long pixels = (long) width * height;
      if (pixels > maxPixels) {
        throw new LimitExceededException(
            format.displayName()
                + " image is "
                + width
                + "x"
                + height
                + " = "
                + pixels
                + " pixels, over the limit of "
                + maxPixels,
            "maxPixels");
      }
      refuseDeepSamples(reader.getRawImageType(0), format);
      LOG.debug("decoding {} {}x{} with {}", format, width, height, reader.getClass().getName());
      BufferedImage image = reader.read(0, readParam(reader, format));
      if (watch.truncated) {
        throw new MalformedInputException(
            "truncated " + format.displayName() + ": the data ends before the image is complete");
      }
      return toPixels(image, format);
    } catch (HotlinekitException e) {
      throw e;
    } catch (EOFException e) {
      throw new MalformedInputException(
          "truncated " + format.displayName() + ": the data ends before the image is complete", e);
    } catch (IIOException e) {
      throw new MalformedInputException(
          "corrupt " + format.displayName() + ": " + rootMessage(e), e);
    } catch (IOException e) {
      throw new InputReadException("could not read the image: " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new LimitExceededException(
          "not enough memory to decode this "
              + format.displayName()
              + " image; lower the pixel cap or give the JVM more heap",
          e);
    } catch (BoundedImageStreams.ReadPastEndException e) {
      throw new MalformedInputException(
          "truncated or corrupt " + format.displayName() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Decoders throw all sorts of unchecked exceptions on hostile input.
      throw new MalformedInputException(
          "corrupt " + format.displayName() + ": the decoder failed (" + e + ")", e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * Lossy WebP goes through hotlinekit's own VP8 decoder, which reproduces libwebp's pixels (the
   * ImageIO plugin upsamples chroma differently); lossless and animated WebP go to ImageIO.
   */
  private static Optional<Pixels> decodeLossyWebP(byte[] data, long maxPixels) {
    try {
      return WebPDecoder.decodeLossy(data, maxPixels);
    } catch (HotlinekitException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw new LimitExceededException("not enough memory to decode this WebP image", e);
    } catch (RuntimeException e) {
      throw new MalformedInputException("corrupt WebP: the decoder failed (" + e + ")", e);
    }
  }

  /**
   * For a JPEG with an embedded ICC profile the JDK's reader converts the decoded RGB from that
   * profile to sRGB; the reference (ImageMagick) hashes the decoded RGB as it is. Asking for the
   * image type in the embedded profile's colour space skips that conversion, so the raster holds
   * libjpeg's own output.
   */
  private static javax.imageio.ImageReadParam readParam(ImageReader reader, ImageFormat format)
      throws IOException {
    javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
    if (format != ImageFormat.JPEG) {
      return param;
    }
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    while (types.hasNext()) {
      ImageTypeSpecifier type = types.next();
      ColorSpace cs = type.getColorModel().getColorSpace();
      if (cs instanceof java.awt.color.ICC_ColorSpace
          && cs.getType() == ColorSpace.TYPE_RGB
          && !cs.isCS_sRGB()
          && type.getNumBands() == 3) {
        param.setDestinationType(type);
        break;
      }
    }
    return param;
  }

  private static ImageReader readerFor(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    ImageReader fallback = null;
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      // Prefer the JDK's own decoders: their output is what the reference vectors were checked
      // against (a third-party JPEG plugin on the class path may apply colour management).
      if (r.getClass().getName().startsWith("com.sun.imageio.")) {
        return r;
      }
      if (fallback == null) {
        fallback = r;
      }
    }
    if (fallback == null) {
      throw new UnsupportedInputException(
          "no " + format.displayName() + " decoder is installed (is imageio-webp on the class path?)");
    }
    return fallback;
  }

  private static void refuseDeepSamples(ImageTypeSpecifier type, ImageFormat format) {
    if (type == null) {
      return;
    }
    for (int size : type.getSampleModel().getSampleSize()) {
      refuseSampleSize(size, format);
    }
  }

  /**
   * Up to 8 bits per sample, and 16 (reduced to 8 as ImageMagick reduces depth, so that a 16-bit
   * copy of an image hashes as its 8-bit original); other depths are refused.
   */
  private static void refuseSampleSize(int size, ImageFormat format) {
    if (size > 8 && size != 16) {
      throw new UnsupportedInputException(format.displayName() + " with " + size
          + " bits per sample is not supported (8 and 16 are)");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  // ---------------------------------------------------------------- raster conversion

  static Pixels toPixels(BufferedImage image, ImageFormat format) {
    ColorModel cm = image.getColorModel();
    Raster raster = image.getRaster();
    SampleModel sm = raster.getSampleModel();
    for (int size : sm.getSampleSize()) {
      refuseSampleSize(size, format);
    }
    int w = raster.getWidth();
    int h = raster.getHeight();
    if (cm instanceof IndexColorModel) {
      return fromPalette((IndexColorModel) cm, raster);
    }
    int csType = cm.getColorSpace().getType();
    if (cm instanceof ComponentColorModel
        && sm instanceof PixelInterleavedSampleModel
        && raster.getDataBuffer() instanceof DataBufferByte
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && raster.getDataBuffer().getNumBanks() == 1) {
      PixelInterleavedSampleModel psm = (PixelInterleavedSampleModel) sm;
      byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
      int offset = raster.getDataBuffer().getOffset();
      Optional<PixelLayout> layout =
          layoutOf(csType, psm.getBandOffsets(), psm.getPixelStride(), cm.hasAlpha());
      if (layout.isPresent()) {
        return Pixels.of(data, offset, psm.getScanlineStride(), w, h, layout.get());
      }
      if (csType == ColorSpace.TYPE_CMYK && psm.getNumBands() == 4) {
        return fromCmyk(raster);
      }
    }
    if (cm instanceof DirectColorModel
        && sm instanceof SinglePixelPackedSampleModel
        && raster.getDataBuffer() instanceof DataBufferInt
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0) {
      DirectColorModel dcm = (DirectColorModel) cm;
      SinglePixelPackedSampleModel sppsm = (SinglePixelPackedSampleModel) sm;
      if (dcm.getRedMask() == 0xff0000
          && dcm.getGreenMask() == 0xff00
          && dcm.getBlueMask() == 0xff
          && sppsm.getScanlineStride() == w
          && raster.getDataBuffer().getOffset() == 0) {
        return Pixels.ofPackedRgb(((DataBufferInt) raster.getDataBuffer()).getData(), w, h);
      }
    }
    return generic(cm, raster, format);
  }

  private static Optional<PixelLayout> layoutOf(
      int csType, int[] offsets, int pixelStride, boolean alpha) {
    for (PixelLayout layout : PixelLayout.values()) {
      if (layout.bytesPerPixel() != pixelStride
          || offsets.length != layout.bytesPerPixel()
          || layout.isGray() != (csType == ColorSpace.TYPE_GRAY)
          || (offsets.length == 2 || offsets.length == 4) != alpha) {
        continue;
      }
      if (csType == ColorSpace.TYPE_GRAY && offsets[0] == 0) {
        return Optional.of(layout);
      }
      if (csType == ColorSpace.TYPE_RGB && matchesRgb(layout, offsets)) {
        return Optional.of(layout);
      }
    }
    return Optional.empty();
  }

  private static boolean matchesRgb(PixelLayout layout, int[] offsets) {
    return layout.redOffset() == offsets[0]
        && layout.greenOffset() == offsets[1]
        && layout.blueOffset() == offsets[2];
  }

  /** Palette images: each index becomes its palette colour (alpha dropped). */
  private static Pixels fromPalette(IndexColorModel icm, Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int size = icm.getMapSize();
    byte[] reds = new byte[size];
    byte[] greens = new byte[size];
    byte[] blues = new byte[size];
    icm.getReds(reds);
    icm.getGreens(greens);
    icm.getBlues(blues);
    byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    int[] row = new int[w];
    int o = 0;
    for (int y = 0; y < h; y++) {
      raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int idx = row[x];
        if (idx >= size) {
          throw new MalformedInputException("palette index " + idx + " outside the palette");
        }
        rgb[o++] = reds[idx];
        rgb[o++] = greens[idx];
        rgb[o++] = blues[idx];
      }
    }
    return Pixels.of(rgb, w, h, PixelLayout.RGB);
  }

  /**
   * CMYK JPEG as ImageMagick 6 (Q16) converts it for PNM output: the stored samples scaled to
   * 16-bit quanta, then {@code R = QR - (C/QR * (QR - K) + K)}, rounded to a quantum and scaled
   * back to 8 bits.
   */
  private static Pixels fromCmyk(Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    byte[] rgb = new byte[Math.multiplyExact(Math.multiplyExact(w, h), 3)];
    int[] px = new int[w * 4];
    int o = 0;
    for (int y = 0; y < h; y++) {
      raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, px);
      for (int x = 0; x < w; x++) {
        int k = px[4 * x + 3] * 257;
        for (int c = 0; c < 3; c++) {
          int ink = px[4 * x + c] * 257;
          double value = 65535.0 - ((ink / 65535.0) * (65535.0 - k) + k);
          rgb[o++] = (byte) quantumToChar(clampToQuantum(value));
        }
      }
    }
    return Pixels.of(rgb, w, h, PixelLayout.RGB);
  }

  private static int clampToQuantum(double value) {
    if (value <= 0) {
      return 0;
    }
    if (value >= 65535.0) {
      return 65535;
    }
    return (int) (value + 0.5);
  }

  private static int quantumToChar(int quantum) {
    long q = quantum + 128L;
    return (int) ((q - (q >>> 8)) >>> 8);
  }

  /**
   * Anything else: gray (1-2 bands) or RGB (3-4 bands), read band by band; alpha is ignored as
   * everywhere. Samples of fewer than 8 bits are scaled up as PNM readers do; 16-bit samples are
   * reduced as ImageMagick (Q16) reduces a quantum to 8 bits, so a 16-bit copy made from an 8-bit
   * image ({@code convert a.png -depth 16 PNG48:b.png}) gets exactly the original's samples.
   */
  private static Pixels generic(ColorModel cm, Raster raster, ImageFormat format) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int csType = cm.getColorSpace().getType();
    int bands = raster.getNumBands();
    boolean gray = csType == ColorSpace.TYPE_GRAY && bands <= 2;
    boolean rgb = csType == ColorSpace.TYPE_RGB && (bands == 3 || bands == 4);
    if (!gray && !rgb) {
      throw new UnsupportedInputException(
          format.displayName()
              + " with colour space type "
              + csType
              + " and "
              + bands
              + " bands is not supported");
    }
    int outBands = gray ? 1 : 3;
    byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(w, h), outBands)];
    int[] row = new int[w];
    for (int b = 0; b < outBands; b++) {
      int max = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
      for (int y = 0; y < h; y++) {
        raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, b, row);
        int o = (y * w) * outBands + b;
        for (int x = 0; x < w; x++, o += outBands) {
          // Fewer than 8 bits: scale to 0..255 as PNM readers do; 16 bits: ImageMagick's
          // ScaleQuantumToChar.
          out[o] = (byte) (max == 255 ? row[x] : max == 65535 ? quantumToChar(row[x])
              : (row[x] * 255 + max / 2) / max);
        }
      }
    }
    return Pixels.of(out, w, h, gray ? PixelLayout.GRAY : PixelLayout.RGB);
  }

  /** Catches the warning by which the JDK's JPEG decoder reports data that ends too early. */
  private static final class TruncationWatch implements javax.imageio.event.IIOReadWarningListener {
    boolean truncated;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
      if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
        truncated = true;
      } else {
        // Recoverable decoder warnings (e.g. extraneous bytes before a marker): the reference's
        // decoder goes on too, so the image is hashed.
        LOG.debug("image decoder warning ignored: {}", warning);
      }
    }
  }
}
