package io.eddy.sql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flink's built-in scalar functions over one row (x = 7), against the values Flink's documentation
 * gives (timestamps as the result CSV writes them, with milliseconds).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BuiltinFunctionsTest {
  private static List<String> select(String selectList) {
    String script = "CREATE TABLE t1 (x INT) WITH ('connector' = 'datagen', 'fields.x.kind' = 'sequence',"
        + " 'fields.x.start' = '7', 'fields.x.end' = '7');\nSELECT " + selectList + " FROM t1;";
    ScriptRunner.Result r = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(script);
    return CsvResult.lines(r.columns(), r.rows());
  }

  @Test
  void stringFunctions() {
    assertThat(select("LPAD('hi', 4, '??') AS a, LPAD('hi', 1, '??') AS b, RPAD('hi', 5, 'ab') AS c, LEFT('hello', 2) AS d,"
        + " RIGHT('hello', 2) AS e, REPEAT('ab', 3) AS f, REVERSE('abc') AS g, INITCAP('hello wORLD') AS h,"
        + " REPLACE('a-b-c', '-', '+') AS i, POSITION('b' IN 'abc') AS j, LOCATE('b', 'abcb', 3) AS k,"
        + " OVERLAY('abcdef' PLACING 'XY' FROM 2 FOR 3) AS l, CONCAT_WS('-', 'a', CAST(NULL AS STRING), 'b') AS m"))
        .containsExactly("a,b,c,d,e,f,g,h,i,j,k,l,m", "??hi,h,hiaba,he,lo,ababab,cba,Hello World,a+b+c,2,4,aXYef,a-b");
    assertThat(select("REGEXP_REPLACE('a1b22', '[0-9]+', '#') AS a, REGEXP('abc', 'b.') AS b,"
        + " REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2) AS c, SPLIT_INDEX('a;b;c', ';', 1) AS d,"
        + " CONCAT('[', LTRIM('  x '), ']') AS e, SUBSTR('hello', 2, 3) AS f, MD5('a') AS g, TO_BASE64('hi') AS h,"
        + " CHR(65) AS i, ASCII('A') AS j, UPPER('x') || LOWER('Y') AS k, CHAR_LENGTH('abc') AS l,"
        + " 'abc' LIKE 'a_c' AS m, TRIM(BOTH 'x' FROM 'xxaxx') AS n"))
        .containsExactly("a,b,c,d,e,f,g,h,i,j,k,l,m,n", "a#b#,TRUE,bar,b,[x ],ell,0cc175b9c0f1b6a831c399e269772661,aGk=,A,65,Xy,3,TRUE,a");
  }

  @Test
  void temporalFunctions() {
    assertThat(select("TIMESTAMPADD(HOUR, 2, TIMESTAMP '2020-01-01 23:30:00') AS a,"
        + " TIMESTAMPDIFF(DAY, TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-03 12:00:00') AS b,"
        + " TIMESTAMPDIFF(MONTH, DATE '2020-01-31', DATE '2020-03-01') AS c,"
        + " DATE_FORMAT(TIMESTAMP '2020-01-02 03:04:05', 'yyyy/MM/dd HH') AS d,"
        + " TO_TIMESTAMP('2020-01-02 03:04:05') AS e, TO_TIMESTAMP('02/01/2020', 'dd/MM/yyyy') AS f,"
        + " TO_TIMESTAMP('garbage') AS g, UNIX_TIMESTAMP('1970-01-01 00:01:40') AS h, FROM_UNIXTIME(100) AS i,"
        + " TO_DATE('2020-02-29') AS j"))
        .containsExactly("a,b,c,d,e,f,g,h,i,j",
            "2020-01-02 01:30:00.000,2,1,2020/01/02 03,2020-01-02 03:04:05.000,2020-01-02 00:00:00.000,,100,1970-01-01 00:01:40,2020-02-29");
    assertThat(select("FLOOR(TIMESTAMP '2020-05-17 10:11:12' TO MONTH) AS a, CEIL(TIMESTAMP '2020-05-17 10:11:12' TO HOUR) AS b,"
        + " HOUR(TIMESTAMP '2020-05-17 10:11:12') AS c, EXTRACT(DAY FROM DATE '2020-05-17') AS d,"
        + " DAYOFWEEK(DATE '2020-05-17') AS e, CURRENT_TIMESTAMP > TIMESTAMP '2020-01-01 00:00:00' AS f,"
        + " NOW() >= LOCALTIMESTAMP - INTERVAL '1' MINUTE AS g, CURRENT_DATE > DATE '2020-01-01' AS h,"
        + " TIMESTAMP '2020-05-17 10:11:12' + INTERVAL '1' DAY AS i"))
        .containsExactly("a,b,c,d,e,f,g,h,i",
            "2020-05-01 00:00:00.000,2020-05-17 11:00:00.000,10,17,1,TRUE,TRUE,TRUE,2020-05-18 10:11:12.000");
  }

  @Test
  void conditionalAndNumericFunctions() {
    assertThat(select("IF(x > 5, 'big', 'small') AS a, COALESCE(CAST(NULL AS STRING), 'z') AS b, NULLIF(x, 7) AS c,"
        + " IFNULL(CAST(NULL AS INT), 3) AS d, CASE WHEN x = 7 THEN 'seven' END AS e, GREATEST(1, x, 3) AS f,"
        + " LEAST(1, x, 3) AS g, CAST('12' AS INT) + 1 AS h, CAST(x AS STRING) || '!' AS i"))
        .containsExactly("a,b,c,d,e,f,g,h,i", "big,z,,3,seven,7,1,13,7!");
    assertThat(select("ROUND(2.345, 2) AS a, TRUNCATE(2.349, 2) AS b, LOG(2, 8) AS c, LN(1) AS d, MOD(x, 3) AS e,"
        + " SIGN(-x) AS f, ABS(-2) AS g, POWER(2, 10) AS h, x / 2 AS i, CAST(x AS DOUBLE) / 2 AS j, ROUND(x) AS k"))
        .containsExactly("a,b,c,d,e,f,g,h,i,j,k", "2.35,2.34,3.0,0.0,1,-1,2,1024.0,3,3.5,7");
  }
}
