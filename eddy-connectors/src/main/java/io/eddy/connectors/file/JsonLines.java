package io.eddy.connectors.file;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON lines (one JSON document per line) with Jackson databind, for POJOs, records, maps. One
 * process-wide mapper, configured once and thread-safe, so the parse and encode functions
 * capture nothing but the target class and serialize cheaply. Reading is strict: trailing
 * content after the document and properties the class does not have are errors (a property the
 * line lacks takes its default: null, 0, false). Types such as java.time need a user parser.
 */
final class JsonLines {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonLines() {}

  static <T> LineParser<T> parser(Class<T> type) {
    return line -> MAPPER.readValue(line, type);
  }

  static <T> LineEncoder<T> encoder() {
    return record -> MAPPER.writeValueAsString(record);
  }
}
