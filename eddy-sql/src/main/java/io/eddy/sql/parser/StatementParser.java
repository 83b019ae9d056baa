package io.eddy.sql.parser;

import io.eddy.sql.parser.Statement.ColumnDefinition;
import io.eddy.table.types.LogicalType;
import io.eddy.table.types.LogicalType.Root;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one statement of Flink's SQL dialect: the DDL (CREATE TABLE with physical and computed
 * columns, nested ROW types, WATERMARK, PRIMARY KEY ... NOT ENFORCED and WITH options; CREATE
 * VIEW; CREATE FUNCTION; DROP), SET/RESET, SHOW, DESCRIBE and EXPLAIN itself, and hands queries
 * and INSERTs (as text) to Calcite. Errors name the script line and column and what was expected.
 * Not thread-safe (one instance per statement).
 */
public final class StatementParser {
  private final String sql;
  private final Position origin;
  private final List<Token> tokens;
  private int next;

  private StatementParser(String sql, Position origin) {
    this.sql = sql;
    this.origin = origin;
    this.tokens = Tokenizer.tokenize(sql, origin);
  }

  public static Statement parse(String sql, Position origin) {
    return new StatementParser(sql, origin).statement();
  }

  public static Statement parse(String sql) {
    return parse(sql, Position.START);
  }

  /** A data type written as in DDL ({@code ROW<a INT, b STRING>}), e.g. in a function's hint. */
  public static LogicalType parseType(String text) {
    StatementParser p = new StatementParser(text, Position.START);
    LogicalType type = p.type();
    p.end();
    return type;
  }

  private Statement statement() {
    Token first = peek();
    Position at = position(first);
    if (first.is("CREATE")) {
      next++;
      return create(at);
    }
    if (first.is("DROP")) {
      next++;
      acceptWord("TEMPORARY"); // every object of an Eddy session lives as long as the session, as Flink's temporary ones
      String kind = expectOneOf("TABLE", "VIEW", "FUNCTION");
      boolean ifExists = acceptWords("IF", "EXISTS");
      String name = qualifiedName();
      end();
      return new Statement.Drop(at, kind, name, ifExists);
    }
    if (first.is("SET")) {
      next++;
      if (peek().kind() == Token.Kind.END) {
        return new Statement.Set(at, null, null);
      }
      String key = stringOrName();
      expectSymbol("=");
      String value = stringOrName();
      end();
      return new Statement.Set(at, key, value);
    }
    if (first.is("RESET")) {
      next++;
      String key = peek().kind() == Token.Kind.END ? null : stringOrName();
      end();
      return new Statement.Reset(at, key);
    }
    if (first.is("SHOW")) {
      next++;
      String what = expectOneOf("TABLES", "VIEWS", "FUNCTIONS", "JARS", "MODULES");
      end();
      return new Statement.Show(at, what);
    }
    if (first.is("ADD")) {
      next++;
      expectWord("JAR");
      Token path = take();
      if (path.kind() != Token.Kind.STRING) {
        throw error(path, "expected the jar's path as a string literal ('/path/udfs.jar') but found " + path.describe());
      }
      end();
      return new Statement.AddJar(at, path.text());
    }
    if (first.is("DESCRIBE") || first.is("DESC")) {
      next++;
      String name = qualifiedName();
      end();
      return new Statement.Describe(at, name);
    }
    if (first.is("EXPLAIN")) {
      next++;
      if (acceptWords("PLAN", "FOR")) {
        // EXPLAIN PLAN FOR <statement> is the same as EXPLAIN <statement>.
      }
      Token inner = peek();
      Statement explained = parse(sql.substring(inner.offset()), position(inner));
      if (!(explained instanceof Statement.Query || explained instanceof Statement.Insert)) {
        throw error(inner, "EXPLAIN takes a query or an INSERT statement");
      }
      return new Statement.Explain(at, explained);
    }
    if (first.is("INSERT")) {
      return insert(at);
    }
    if (first.is("SELECT") || first.is("WITH") || first.is("VALUES") || first.isSymbol("(")) {
      return new Statement.Query(at, sql);
    }
    throw error(first, "expected a statement (SELECT, INSERT, CREATE, DROP, SET, RESET, SHOW, DESCRIBE, EXPLAIN or ADD JAR) but found "
        + first.describe());
  }

  /** INSERT, with Flink 2.3's trailing {@code ON CONFLICT DO DEDUPLICATE|NOTHING|ERROR} taken off for Eddy. */
  private Statement insert(Position at) {
    for (int i = next; i + 3 < tokens.size(); i++) {
      if (tokens.get(i).is("ON") && tokens.get(i + 1).is("CONFLICT")) {
        next = i + 2;
        expectWord("DO");
        Token strategy = peek();
        String name = expectOneOf("DEDUPLICATE", "NOTHING", "ERROR");
        end();
        if (!name.equals("DEDUPLICATE")) {
          throw error(strategy, "ON CONFLICT DO " + name + " is not supported yet; ON CONFLICT DO DEDUPLICATE is");
        }
        return new Statement.Insert(at, sql.substring(0, tokens.get(i).offset()), true);
      }
    }
    return new Statement.Insert(at, sql, false);
  }

  private Statement create(Position at) {
    boolean temporary = acceptWord("TEMPORARY");
    if (acceptWord("SYSTEM")) {
      throw error(previous(), "CREATE TEMPORARY SYSTEM FUNCTION is not supported; use CREATE [TEMPORARY] FUNCTION");
    }
    String kind = expectOneOf("TABLE", "VIEW", "FUNCTION");
    boolean ifNotExists = acceptWords("IF", "NOT", "EXISTS");
    String name = qualifiedName();
    return switch (kind) {
      case "TABLE" -> createTable(at, name, temporary, ifNotExists);
      case "VIEW" -> {
        if (peek().isSymbol("(")) {
          throw error(peek(), "a column list in CREATE VIEW is not supported; name the columns in the query");
        }
        expectWord("AS");
        Token query = peek();
        if (query.kind() == Token.Kind.END) {
          throw error(query, "expected the view's query");
        }
        yield new Statement.CreateView(at, name, temporary, ifNotExists, sql.substring(query.offset()), position(query));
      }
      default -> {
        expectWord("AS");
        Token cls = take();
        if (cls.kind() != Token.Kind.STRING) {
          throw error(cls, "expected the function's class name as a string literal but found " + cls.describe());
        }
        if (acceptWord("LANGUAGE")) {
          String language = take().text();
          if (!language.equalsIgnoreCase("JAVA")) {
            throw error(previous(), "only LANGUAGE JAVA functions are supported, not " + language);
          }
        }
        end();
        yield new Statement.CreateFunction(at, name, temporary, ifNotExists, cls.text());
      }
    };
  }

  private Statement createTable(Position at, String name, boolean temporary, boolean ifNotExists) {
    expectSymbol("(");
    List<ColumnDefinition> columns = new ArrayList<>();
    Statement.WatermarkDefinition watermark = null;
    List<String> primaryKey = List.of();
    do {
      Token t = peek();
      if (t.is("WATERMARK")) {
        next++;
        if (watermark != null) {
          throw error(t, "a table has at most one WATERMARK");
        }
        expectWord("FOR");
        String column = identifier();
        expectWord("AS");
        Token exprStart = peek();
        String expression = expressionText();
        watermark = new Statement.WatermarkDefinition(column, expression, position(exprStart));
      } else if (t.is("PRIMARY") || t.is("CONSTRAINT")) {
        if (acceptWord("CONSTRAINT")) {
          identifier();
        }
        expectWord("PRIMARY");
        expectWord("KEY");
        primaryKey = identifierList();
        expectWord("NOT");
        expectWord("ENFORCED");
      } else {
        columns.add(column());
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    if (acceptWord("COMMENT")) {
      take();
    }
    if (acceptWord("PARTITIONED")) {
      expectWord("BY");
      identifierList();
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (acceptWord("WITH")) {
      expectSymbol("(");
      if (!peek().isSymbol(")")) {
        do {
          Token key = take();
          if (key.kind() != Token.Kind.STRING) {
            throw error(key, "expected an option key as a string literal ('connector') but found " + key.describe());
          }
          expectSymbol("=");
          Token value = take();
          if (value.kind() != Token.Kind.STRING) {
            throw error(value, "expected the value of option '" + key.text() + "' as a string literal but found "
                + value.describe());
          }
          if (options.put(key.text(), value.text()) != null) {
            throw error(key, "option '" + key.text() + "' is given twice");
          }
        } while (acceptSymbol(","));
      }
      expectSymbol(")");
    }
    if (peek().is("LIKE")) {
      throw error(peek(), "CREATE TABLE ... LIKE is not supported");
    }
    end();
    return new Statement.CreateTable(at, name, temporary, ifNotExists, columns, watermark, primaryKey, options);
  }

  private ColumnDefinition column() {
    String name = identifier();
    if (acceptWord("AS")) {
      Token exprStart = peek();
      String expression = expressionText();
      skipComment();
      return new Statement.ComputedColumn(name, expression, position(exprStart));
    }
    LogicalType type = type();
    if (peek().is("METADATA")) {
      throw error(peek(), "metadata columns are not supported (column " + name + ")");
    }
    if (peek().is("PRIMARY")) {
      throw error(peek(), "declare the primary key as a table constraint: PRIMARY KEY (" + name + ") NOT ENFORCED");
    }
    skipComment();
    return new Statement.PhysicalColumn(name, type);
  }

  private void skipComment() {
    if (acceptWord("COMMENT")) {
      Token c = take();
      if (c.kind() != Token.Kind.STRING) {
        throw error(c, "expected a comment string after COMMENT but found " + c.describe());
      }
    }
  }

  /** A data type with optional NOT NULL / NULL. */
  private LogicalType type() {
    LogicalType type = baseType();
    if (acceptWords("NOT", "NULL")) {
      return type.copy(false);
    }
    acceptWord("NULL");
    return type;
  }

  private LogicalType baseType() {
    Token t = take();
    if (t.kind() != Token.Kind.WORD) {
      throw error(t, "expected a data type but found " + t.describe());
    }
    String word = t.text().toUpperCase(Locale.ROOT);
    return switch (word) {
      case "BOOLEAN" -> LogicalType.of(Root.BOOLEAN);
      case "TINYINT" -> LogicalType.of(Root.TINYINT);
      case "SMALLINT" -> LogicalType.of(Root.SMALLINT);
      case "INT", "INTEGER" -> LogicalType.of(Root.INTEGER);
      case "BIGINT" -> LogicalType.of(Root.BIGINT);
      case "FLOAT", "REAL" -> LogicalType.of(Root.FLOAT);
      case "DOUBLE" -> {
        acceptWord("PRECISION");
        yield LogicalType.of(Root.DOUBLE);
      }
      case "DECIMAL", "DEC", "NUMERIC" -> {
        int precision = 10;
        int scale = 0;
        if (acceptSymbol("(")) {
          precision = integer();
          if (acceptSymbol(",")) {
            scale = integer();
          }
          expectSymbol(")");
        }
        if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
          throw error(t, "DECIMAL(" + precision + ", " + scale + ") is out of range: precision 1..38, scale 0..precision");
        }
        yield LogicalType.decimal(precision, scale);
      }
      case "STRING" -> LogicalType.string();
      case "CHAR", "CHARACTER" -> {
        if (acceptWord("VARYING")) {
          yield LogicalType.of(Root.VARCHAR, optionalLength(LogicalType.MAX_LENGTH));
        }
        yield LogicalType.of(Root.CHAR, optionalLength(1));
      }
      case "VARCHAR" -> LogicalType.of(Root.VARCHAR, optionalLength(LogicalType.MAX_LENGTH));
      case "BYTES" -> LogicalType.of(Root.VARBINARY, LogicalType.MAX_LENGTH);
      case "BINARY" -> LogicalType.of(Root.BINARY, optionalLength(1));
      case "VARBINARY" -> LogicalType.of(Root.VARBINARY, optionalLength(LogicalType.MAX_LENGTH));
      case "DATE" -> LogicalType.of(Root.DATE);
      case "TIME" -> {
        int p = optionalLength(0);
        acceptWords("WITHOUT", "TIME", "ZONE");
        yield LogicalType.of(Root.TIME, p);
      }
      case "TIMESTAMP" -> {
        int p = optionalLength(6);
        if (acceptWords("WITH", "LOCAL", "TIME", "ZONE")) {
          yield LogicalType.of(Root.TIMESTAMP_LTZ, p);
        }
        acceptWords("WITHOUT", "TIME", "ZONE");
        yield LogicalType.timestamp(p);
      }
      case "TIMESTAMP_LTZ" -> LogicalType.of(Root.TIMESTAMP_LTZ, optionalLength(6));
      case "ROW" -> rowType(t);
      case "ARRAY" -> {
        expectSymbol("<");
        LogicalType element = type();
        expectSymbol(">");
        yield LogicalType.array(element);
      }
      case "MAP" -> {
        expectSymbol("<");
        LogicalType key = type();
        expectSymbol(",");
        LogicalType value = type();
        expectSymbol(">");
        yield LogicalType.map(key, value);
      }
      default -> throw error(t, "unknown data type " + t.text());
    };
  }

  private LogicalType rowType(Token rowToken) {
    String close;
    if (acceptSymbol("<")) {
      close = ">";
    } else if (acceptSymbol("(")) {
      close = ")";
    } else {
      throw error(peek(), "expected '<' or '(' after ROW but found " + peek().describe());
    }
    List<String> names = new ArrayList<>();
    List<LogicalType> types = new ArrayList<>();
    if (!peek().isSymbol(close)) {
      do {
        Token nameToken = peek();
        String name = identifier();
        if (names.contains(name)) {
          throw error(nameToken, "field " + name + " appears twice in ROW");
        }
        names.add(name);
        types.add(type());
        skipComment();
      } while (acceptSymbol(","));
    }
    expectSymbol(close);
    return LogicalType.row(names, types);
  }

  private int optionalLength(int absent) {
    if (!acceptSymbol("(")) {
      return absent;
    }
    int n = integer();
    expectSymbol(")");
    return n;
  }

  private int integer() {
    Token t = take();
    if (t.kind() != Token.Kind.NUMBER || t.text().contains(".")) {
      throw error(t, "expected an integer but found " + t.describe());
    }
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw error(t, "integer " + t.text() + " is too large");
    }
  }

  /**
   * The text of an expression up to the next ',' or ')' at nesting depth 0 (the end of a column
   * definition), checked for balanced parentheses; Calcite parses it later.
   */
  private String expressionText() {
    Token first = peek();
    int depth = 0;
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.END) {
        throw error(t, "unexpected end of statement in an expression; expected ')' to close the column list");
      }
      if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.is("COMMENT"))) {
        break;
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      next++;
    }
    if (peek() == first) {
      throw error(first, "expected an expression but found " + first.describe());
    }
    return sql.substring(first.offset(), peek().offset()).strip();
  }

  private List<String> identifierList() {
    expectSymbol("(");
    List<String> names = new ArrayList<>();
    do {
      names.add(identifier());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return names;
  }

  /** A possibly qualified name (catalog.db.table): only the last part names the object here. */
  private String qualifiedName() {
    String name = identifier();
    while (acceptSymbol(".")) {
      name = identifier();
    }
    return name;
  }

  private String identifier() {
    Token t = take();
    if (!t.isIdentifier()) {
      throw error(t, "expected an identifier but found " + t.describe());
    }
    return t.text();
  }

  private String stringOrName() {
    Token t = take();
    if (t.kind() == Token.Kind.STRING || t.isIdentifier()) {
      StringBuilder name = new StringBuilder(t.text());
      while (t.kind() != Token.Kind.STRING && acceptSymbol(".")) {
        name.append('.').append(identifier());
      }
      return name.toString();
    }
    throw error(t, "expected a quoted string such as 'key' but found " + t.describe());
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token previous() {
    return tokens.get(next - 1);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Token.Kind.END) {
      next++;
    }
    return t;
  }

  private boolean acceptWord(String word) {
    if (peek().is(word)) {
      next++;
      return true;
    }
    return false;
  }

  /** Accepts the whole sequence of words or nothing. */
  private boolean acceptWords(String... words) {
    for (int i = 0; i < words.length; i++) {
      if (!tokens.get(Math.min(next + i, tokens.size() - 1)).is(words[i])) {
        return false;
      }
    }
    next += words.length;
    return true;
  }

  private boolean acceptSymbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectWord(String word) {
    Token t = take();
    if (!t.is(word)) {
      throw error(t, "expected " + word + " but found " + t.describe());
    }
  }

  private String expectOneOf(String... words) {
    Token t = take();
    for (String w : words) {
      if (t.is(w)) {
        return w;
      }
    }
    throw error(t, "expected " + String.join(" or ", words) + " but found " + t.describe());
  }

  private void expectSymbol(String symbol) {
    Token t = take();
    if (!t.isSymbol(symbol)) {
      throw error(t, "expected '" + symbol + "' but found " + t.describe());
    }
  }

  private void end() {
    Token t = peek();
    if (t.kind() != Token.Kind.END) {
      throw error(t, "expected the end of the statement but found " + t.describe());
    }
  }

  private Position position(Token t) {
    return origin.plus(t.line(), t.column());
  }

  private SqlParseException error(Token t, String message) {
    Position p = position(t);
    return new SqlParseException(p.line(), p.column(), message);
  }
}
