package org.hotlinekit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExceptionWordingTest {
  @Test
  void oneWordingForAFileThatCannotBeRead() {
    Path p = Path.of("lists", "a.txt");
    assertThat(InputReadException.of(p, new NoSuchFileException(p.toString())))
        .hasMessage(p + ": no such file");
    assertThat(InputReadException.of(p, new AccessDeniedException(p.toString())))
        .hasMessage(p + ": permission denied");
    assertThat(InputReadException.of(p, new IOException("Input/output error")))
        .hasMessage(p + ": could not read the file: Input/output error")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aLimitNamesTheSettingThatRaisesIt() {
    LimitExceededException e = new LimitExceededException("too many pixels", "maxPixels");
    assertThat(e).hasMessage("too many pixels (raise it with the maxPixels setting)");
    assertThat(e.reason()).isEqualTo("too many pixels");
    assertThat(e.setting()).contains("maxPixels");
    assertThat(new LimitExceededException("too big").setting()).isEmpty();
  }
}
