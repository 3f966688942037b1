/// The pages `byline help TOPIC` prints: what a user needs that is not an option.
enum HelpTopic: String, CaseIterable {
  /// The three corpus file formats.
  case formats
  /// The JSON (and JSON Lines) output schema.
  case json
  /// The TOML config file and the variables.
  case config
  /// The exit codes.
  case exitCodes = "exit-codes"

  /// The page, wrapped for an 80-column terminal.
  var text: String {
    switch self {
    case .formats: Self.formatsText
    case .json: Self.jsonText
    case .config: Self.configText
    case .exitCodes: Self.exitCodesText
    }
  }

  static let formatsText = """
    CORPUS FORMATS

    The corpus folder (--knowledge DIR, $BYLINE_KNOWLEDGE, default ./Knowledge) holds one article
    a file, or many in a .jsonl file; a file's stem is its article id. Hidden files are skipped.
    The store is brought up to date on every run: added, changed and removed files are indexed.

    Plain text (.txt): a page as a scraper saved it. The headline, an outlet line, bylines
    ("By NAME, Reuters"), date lines and section labels are read from the head of the page; page
    furniture (share bars, newsletter lines, photo credits, "Related" blocks) is dropped.
    `byline articles ID --furniture` lists what was dropped.

    Markdown (.md) with YAML front matter:

      ---
      title: Meta to open-source models
      outlet: Scout
      date: 2025-04-07
      url: https://example.com/story
      ---
      Body text...

    JSON Lines (.jsonl): one article an object a line,
      {"id": "...", "title": "...", "outlet": "...", "date": "YYYY-MM-DD", "url": "...", "body": "..."}
    with id and body required.

    A file that cannot be read (empty, binary, not UTF-8, broken front matter, a bad JSON line)
    is skipped with a warning naming it; the rest is indexed.
    """

  static let jsonText = """
    JSON OUTPUT

    --format json prints one document, --format jsonl one object a line (in batch mode each
    answer carries "index", from 1). Keys are sorted; the schema is stable.

    An answer (ask, chat, batch):
      question         the question as typed
      understood_as    the question rewritten from earlier turns (follow-ups only)
      note             how a follow-up was read ("taking "he" as Mark Zuckerberg")
      answer           one direct sentence with [n] markers, then corroboration
      abstained        true when the corpus does not answer; then citations is empty
      kind             person, organisation, outlet, date, number, money, place, reason,
                       list, yes_no, description or corpus
      confidence       0 to 1: how strongly the lead passage supports the answer
      citations        [{n, id, title, outlet, date, quote, cites}]: id is the article id,
                       quote the exact sentence used, cites the outlets it credits
      corroboration    how many articles support the answer, and whether they trace back
                       to one report
      backend          "rules", or "openai:MODEL" when a model's checked answer is shown
      fallback_reason  present when the rules answer replaced a model's, and why
      elapsed_ms       engine time for this answer

    A search hit (search): {id, outlet, title, heading, text, snippet, score, cites}.
    An article (articles): {id, title, outlet, date, url, passages, sources, credits, source},
    with "furniture" for `byline articles ID --furniture`.
    The backends (backends): {backends: [{name, endpoint, available, detail, selected}],
    selected, registered, model_url, model, prompts, sources}.
    """

  static let configText = """
    CONFIGURATION

    Settings come from flags first, then the environment, then the config file, then defaults.

    The config file is TOML, at $XDG_CONFIG_HOME/byline/config.toml (or
    ~/.config/byline/config.toml):

      backend = "openai"                     # rules (default) or openai
      model_url = "https://127.0.0.1:8443/v1"
      model = "smollm2"
      api_key = "..."
      timeout = 30                           # seconds for a whole answer
      prompts = "/usr/local/share/byline/Prompts"
      ca_file = "/etc/byline/model-ca.pem"   # trust this CA for an https model server
      store = "postgresql://reader@db/byline" # a shared store (see README: Running Byline for a team)

    An unknown key or a bad value is an error naming it (exit 78). The old key = value file
    ($XDG_CONFIG_HOME/byline/config) is still read when there is no config.toml, with a warning.

    Variables: BYLINE_KNOWLEDGE, BYLINE_STORE, BYLINE_BACKEND, BYLINE_MODEL_URL,
    OPENAI_BASE_URL, OLLAMA_HOST, BYLINE_MODEL, OPENAI_API_KEY, BYLINE_MODEL_TIMEOUT,
    BYLINE_PROMPTS, BYLINE_CA_FILE, NO_COLOR, XDG_CONFIG_HOME, XDG_DATA_HOME,
    XDG_CACHE_HOME, XDG_STATE_HOME.
    """

  static let exitCodesText = """
    EXIT CODES

      0    success (an abstention is a success)
      64   bad usage (an unknown option, a --store URL whose scheme Byline does not serve)
      65   bad input data
      66   a missing corpus folder or file
      69   the model backend is unavailable (byline backends)
      74   an I/O error: the store cannot be opened or written, or its server went away
      78   bad configuration: an unknown backend or setting, a config file that does not
           parse, a prompt template that does not render, a store server that refuses the
           password, user or database, a store made by a newer Byline
      130  interrupted (Ctrl-C)
    """
}
