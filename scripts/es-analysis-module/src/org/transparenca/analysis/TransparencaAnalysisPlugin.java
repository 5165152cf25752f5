package org.transparenca.analysis;

import java.io.Reader;
import java.util.*;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.*;
import org.apache.lucene.analysis.en.*;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.*;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.sr.SerbianNormalizationFilter;
import org.apache.lucene.analysis.tr.*;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.*;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis filters the project's index needs, for the integ-test-zip node.
 *
 * <p>Maven Central serves Elasticsearch's minimal integ-test-zip but not its
 * analysis-common module. The server already ships Lucene's analysis-common jar;
 * this module only registers the Lucene classes under the names Elasticsearch's own
 * module uses, so index settings stay portable to a full Elasticsearch cluster.
 */
public class TransparencaAnalysisPlugin extends Plugin implements AnalysisPlugin {
    static TokenFilterFactory tf(String name, Function<TokenStream, TokenStream> f) {
        return new TokenFilterFactory() {
            public String name() { return name; }
            public TokenStream create(TokenStream ts) { return f.apply(ts); }
        };
    }
    static String snowballName(String lang) { // "turkish" -> "Turkish"
        return Character.toUpperCase(lang.charAt(0)) + lang.substring(1).toLowerCase(Locale.ROOT);
    }
    static Function<TokenStream, TokenStream> stemmer(String lang) {
        switch (lang) {
            case "english": case "porter": return PorterStemFilter::new;
            case "light_english": return KStemFilter::new;
            case "minimal_english": return EnglishMinimalStemFilter::new;
            case "possessive_english": return EnglishPossessiveFilter::new;
            default: String n = snowballName(lang); return ts -> new SnowballFilter(ts, n);
        }
    }
    static boolean tokenChar(Set<String> chars, int c) {
        if (chars.isEmpty()) return true;
        int t = Character.getType(c);
        if (chars.contains("letter") && Character.isLetter(c)) return true;
        if (chars.contains("digit") && Character.isDigit(c)) return true;
        if (chars.contains("whitespace") && Character.isWhitespace(c)) return true;
        if (chars.contains("punctuation") && (t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION)) return true;
        if (chars.contains("symbol") && (t == Character.MATH_SYMBOL || t == Character.CURRENCY_SYMBOL || t == Character.MODIFIER_SYMBOL || t == Character.OTHER_SYMBOL)) return true;
        return false;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("asciifolding", (is, env, name, s) -> { boolean p = s.getAsBoolean("preserve_original", false); return tf(name, ts -> new ASCIIFoldingFilter(ts, p)); });
        m.put("lowercase", (is, env, name, s) -> {
            String lang = s.get("language");
            if (lang == null) return tf(name, LowerCaseFilter::new);
            switch (lang.toLowerCase(Locale.ROOT)) {
                case "turkish": return tf(name, TurkishLowerCaseFilter::new);
                case "greek": return tf(name, GreekLowerCaseFilter::new);
                default: throw new IllegalArgumentException("unsupported lowercase language " + lang);
            }
        });
        m.put("stemmer", (is, env, name, s) -> tf(name, stemmer(s.get("language", s.get("name", "porter")).toLowerCase(Locale.ROOT))));
        m.put("snowball", (is, env, name, s) -> { String n = snowballName(s.get("language", "english")); return tf(name, ts -> new SnowballFilter(ts, n)); });
        m.put("porter_stem", (is, env, name, s) -> tf(name, PorterStemFilter::new));
        m.put("apostrophe", (is, env, name, s) -> tf(name, ApostropheFilter::new));
        m.put("serbian_normalization", (is, env, name, s) -> tf(name, SerbianNormalizationFilter::new));
        m.put("edge_ngram", (is, env, name, s) -> { int a = s.getAsInt("min_gram", 1), b = s.getAsInt("max_gram", 2); boolean p = s.getAsBoolean("preserve_original", false); return tf(name, ts -> new EdgeNGramTokenFilter(ts, a, b, p)); });
        m.put("ngram", (is, env, name, s) -> { int a = s.getAsInt("min_gram", 1), b = s.getAsInt("max_gram", 2); boolean p = s.getAsBoolean("preserve_original", false); return tf(name, ts -> new NGramTokenFilter(ts, a, b, p)); });
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("edge_ngram", (is, env, name, s) -> {
            int a = s.getAsInt("min_gram", 1), b = s.getAsInt("max_gram", 2); Set<String> tc = new HashSet<>(s.getAsList("token_chars"));
            return TokenizerFactory.newFactory(name, () -> new EdgeNGramTokenizer(a, b) { @Override protected boolean isTokenChar(int c) { return tokenChar(tc, c); } });
        });
        m.put("ngram", (is, env, name, s) -> {
            int a = s.getAsInt("min_gram", 1), b = s.getAsInt("max_gram", 2); Set<String> tc = new HashSet<>(s.getAsList("token_chars"));
            return TokenizerFactory.newFactory(name, () -> new NGramTokenizer(a, b) { @Override protected boolean isTokenChar(int c) { return tokenChar(tc, c); } });
        });
        m.put("whitespace", (is, env, name, s) -> TokenizerFactory.newFactory(name, WhitespaceTokenizer::new));
        m.put("keyword", (is, env, name, s) -> TokenizerFactory.newFactory(name, KeywordTokenizer::new));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("pattern_replace", AnalysisPlugin.requiresAnalysisSettings((is, env, name, s) -> {
            Pattern p = Pattern.compile(s.get("pattern")); String r = s.get("replacement", "");
            return new CharFilterFactory() { public String name() { return name; } public Reader create(Reader in) { return new PatternReplaceCharFilter(p, r, in); } };
        }));
    }
}
