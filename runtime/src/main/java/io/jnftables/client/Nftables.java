package io.jnftables.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.jnftables.libnft.NftTimeoutException;
import io.jnftables.netlink.NetlinkException;
import io.jnftables.nfnetlink.ElementUpdates;
import io.jnftables.annotations.Family;
import io.jnftables.batch.Batch;
import io.jnftables.helper.HelperCommit;
import io.jnftables.json.JsonCodec;
import io.jnftables.json.JsonDecodingException;
import io.jnftables.model.Command;
import io.jnftables.model.Metainfo;
import io.jnftables.model.Ruleset;
import io.jnftables.model.Verb;
import io.jnftables.netns.NetnsTarget;
import io.jnftables.sysctl.Sysctl;
import io.jnftables.text.NftText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The nftables client: applies batches atomically, checks them (dry run), lists the ruleset back
 * typed, and passes raw JSON or nft text through. Thread-safe; close it to release its executor
 * (and its namespace, when it made a fresh one).
 *
 * <pre>{@code
 * try (Nftables nft = Nftables.open(NetnsTarget.fresh())) {
 *   nft.submit(BasicFirewallRuleset.toBatch());
 *   System.out.println(nft.listRulesetText());
 * }
 * }</pre>
 *
 * <p>Failures throw {@link NftablesException}: for a rejected batch it names the failing command
 * (index, command, object path), nft's message and the error class. libnftables reports every
 * JSON error at {@code internal:0:0-0}, so the client finds the command itself, by dry runs of
 * prefixes of the batch (a bisection; the ruleset is not changed).
 *
 * <p>Listings and submissions use libnftables' JSON by default. nft 1.0.6's JSON cannot carry
 * everything its text can ({@code typeof}, {@code auto-merge}, chain devices, comments, …; see
 * {@link Fidelity}): {@link #listRuleset(Fidelity)} with {@link Fidelity#TEXT} lists nft's text and
 * reads it with our parser, and {@link CallOptions#asText()} sends a batch as nft text.
 *
 * <p>A client can be scoped to the tables it owns ({@link Builder#ownTable}); commands that touch
 * other tables, or {@code flush ruleset}, are then refused before reaching the kernel unless the
 * call allows it ({@link CallOptions#allowingForeignTables()}).
 */
public final class Nftables implements AutoCloseable {
  private static final Pattern PARSE_INDEX = Pattern.compile("Parsing command array at index (\\d+) failed");
  private static final Pattern LOCATION = Pattern.compile("(?m)^internal:0:0-0: ");
  private static final Pattern TABLE_LINE = Pattern.compile("table (\\S+) (\\S+)");

  private final NftExecutor given; // what the caller gave or the builder opened
  private final NftExecutor executor; // the same behind AbortGuard: every request goes through it
  private final Set<TableRef> owned; // empty: not scoped
  private final @Nullable Duration defaultTimeout;
  private final Object capabilitiesLock = new Object();
  private final Object commitLock = new Object();
  private @Nullable PendingCommit pending; // guarded by commitLock
  private @Nullable Capabilities capabilities; // guarded by capabilitiesLock
  private volatile @Nullable ElementUpdates direct; // null: every batch goes through libnftables
  private final TableFlagsGuard tableFlags;

  private Nftables(NftExecutor executor, Set<TableRef> owned, @Nullable Duration defaultTimeout, boolean direct) {
    this.given = executor;
    this.executor = GuardedExecutor.around(executor);
    this.owned = Set.copyOf(owned);
    this.defaultTimeout = defaultTimeout;
    this.direct = direct ? executor.nfnetlink().map(ElementUpdates::over).orElse(null) : null;
    this.tableFlags = new TableFlagsGuard(executor.nfnetlink().orElse(null));
  }

  /** A client using libnftables in this process, bound to {@code target}'s network namespace. */
  public static Nftables open(NetnsTarget target) {
    return builder().netns(target).open();
  }

  /** A client using libnftables in this process, in the namespace of the calling thread. */
  public static Nftables open() {
    return open(NetnsTarget.current());
  }

  /**
   * A client over any executor (a fake in tests, a helper process, ...); it probes nothing until
   * {@link #capabilities()} is asked.
   */
  public static Nftables using(NftExecutor executor) {
    return new Nftables(Objects.requireNonNull(executor, "executor"), Set.of(), null, true);
  }

  /** Configures a client: namespace, executor, owned tables, default timeout. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ batches

  /**
   * Applies the batch as one transaction: every command, or none. Asks for no handles, so that a
   * small update costs no cache load; see {@link #submit(Batch, CallOptions)}.
   *
   * @throws NftablesException if the kernel rejects the batch (the ruleset is then unchanged); it
   *     names the failing command
   * @throws ForeignTableException if the client is scoped and the batch touches another table
   */
  public SubmitResult submit(Batch batch) {
    return submit(batch, CallOptions.defaults());
  }

  /** {@link #submit(Batch)} with options: timeout, handles, foreign tables. */
  public SubmitResult submit(Batch batch, CallOptions options) {
    return run(batch, options, false);
  }

  /**
   * Asks the kernel whether it would accept the batch, changing nothing.
   *
   * @throws NftablesException if it would not; it names the failing command
   */
  public void check(Batch batch) {
    check(batch, CallOptions.defaults());
  }

  /** {@link #check(Batch)} with options (the handles option is ignored). */
  public void check(Batch batch, CallOptions options) {
    run(batch, options, true);
  }

  // ------------------------------------------------------------------ commit-confirmed

  /**
   * Applies the batch as one transaction and arms its rollback: unless
   * {@link PendingCommit#confirm()} is called within {@code timeout}, the tables it covers are
   * restored to what they were just before, in one transaction (tables that did not exist are
   * deleted). With the privileged helper ({@link Backend#HELPER}) the timer runs in the helper, so
   * the rollback happens even if this JVM dies or hangs; in process it runs on a thread of this
   * client and dies with the JVM.
   *
   * <p>Covered tables: those this client owns ({@link Builder#ownTable}) and those the batch
   * touches. Their state is captured as nft text before the batch is applied, and the rollback
   * built from it ({@code add table; delete table} for each, then the captured tables) is checked
   * by a dry run first: if it would not apply, nothing is changed and an
   * {@link NftablesException} says why. Later changes to those tables made while the commit is
   * pending are undone by the rollback as well. Closing the client rolls a pending commit back.
   *
   * @param timeout how long the caller has to confirm; at least 1 ms, at most 49 days
   * @throws IllegalStateException if this client already has a pending commit
   * @throws IllegalArgumentException if the batch is empty, the timeout out of range, or a
   *     command names no table (a confirmed commit covers named tables only: no
   *     {@code flush ruleset})
   * @throws NftablesException if the kernel rejects the batch (nothing is armed, nothing changed)
   * @throws ForeignTableException if the client is scoped and the batch touches another table
   */
  public PendingCommit submitConfirmed(Batch batch, Duration timeout) {
    return submitConfirmed(batch, timeout, CallOptions.defaults());
  }

  /** {@link #submitConfirmed(Batch, Duration)} with options (call timeout, foreign tables). */
  public PendingCommit submitConfirmed(Batch batch, Duration timeout, CallOptions options) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(options, "options");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.toMillis() > 0xffff_ffffL) {
      throw new IllegalArgumentException("commit timeout must be between 1 ms and 49 days: " + timeout);
    }
    if (batch.isEmpty()) {
      throw new IllegalArgumentException("an empty batch has nothing to confirm");
    }
    guard(batch, options, "submitConfirmed");
    Set<TableRef> tables = coveredTables(batch);
    synchronized (commitLock) {
      if (pending != null && pending.status() == PendingCommit.Status.PENDING) {
        throw new IllegalStateException("this client already has a pending commit (" + pending
            + "): confirm it or roll it back first; one confirmed commit per client at a time");
      }
      String rollback = rollbackFor(tables, options);
      byte[] bytes = batch.toJsonBytes();
      String json = new String(bytes, StandardCharsets.UTF_8);
      NftRequest apply = new NftRequest(json, EnumSet.of(NftRequest.Option.JSON), timeout(options));
      NftRequest undo = NftRequest.text(rollback).withTimeout(timeout(options));
      PendingCommit.Control control;
      if (given instanceof HelperExecutor helper) {
        AbortGuard.check(apply); // this path bypasses execute(): the helper would die as well
        AbortGuard.check(undo);
        HelperCommit armed = helper.arm(apply, undo, timeout);
        if (!armed.applied().ok()) {
          throw locate("submitConfirmed", batch, json, armed.applied().error(), options);
        }
        control = new HelperCommitTimer(armed);
      } else {
        NftResponse r = executor.execute(apply);
        if (!r.ok()) {
          throw locate("submitConfirmed", batch, json, r.error(), options);
        }
        control = JvmCommitTimer.arm(executor, rollback, timeout, timeout(options));
      }
      pending = new PendingCommit(batch, tables, rollback, timeout, Instant.now().plus(timeout), control);
      return pending;
    }
  }

  /** The pending commit of this client, if one was made and is still pending. */
  public Optional<PendingCommit> pendingCommit() {
    synchronized (commitLock) {
      return pending != null && pending.status() == PendingCommit.Status.PENDING
          ? Optional.of(pending) : Optional.empty();
    }
  }

  /** The owned tables and every table a command of the batch touches, sorted (a stable rollback). */
  private Set<TableRef> coveredTables(Batch batch) {
    Set<TableRef> tables = new java.util.TreeSet<>(java.util.Comparator
        .comparing((TableRef t) -> t.family().nftName()).thenComparing(TableRef::name));
    tables.addAll(owned);
    List<Command> commands = batch.commands();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (c.verb() == Verb.LIST) {
        continue;
      }
      ObjectPath path = ObjectPath.of(c);
      TableRef t = path.type().equals("ruleset") ? null : path.tableRef();
      if (t == null) {
        throw new IllegalArgumentException("submitConfirmed refused: command " + i + " ("
            + c.verb().jsonName() + " " + path + ") names no table, and a confirmed commit can only"
            + " restore named tables");
      }
      tables.add(t);
    }
    return tables;
  }

  /**
   * nft text that puts {@code tables} back as they are now: for each, {@code add table} (so that
   * the delete cannot fail) and {@code delete table}; then the current tables as nft lists them.
   * Checked by a dry run, so that a rollback that could not apply is found before anything changes.
   */
  private String rollbackFor(Set<TableRef> tables, CallOptions options) {
    Set<TableRef> live = liveTables(options);
    StringBuilder undo = new StringBuilder();
    StringBuilder list = new StringBuilder();
    for (TableRef t : tables) {
      String name = Listing.table(t.family(), t.name()).command().substring("list ".length()); // checks the name
      undo.append("add ").append(name).append('\n').append("delete ").append(name).append('\n');
      if (live.contains(t)) {
        list.append("list ").append(name).append('\n');
      }
    }
    if (list.length() > 0) {
      undo.append(runOrThrow(new NftRequest(list.toString(), Set.of(), timeout(options)), "listing the covered tables"));
    }
    String rollback = undo.toString();
    NftResponse dry = executor.execute(
        new NftRequest(rollback, EnumSet.of(NftRequest.Option.DRY_RUN), timeout(options)));
    if (!dry.ok()) {
      throw new NftablesException("submitConfirmed refused, nothing was changed: the rollback that"
          + " would restore " + tables + " does not apply (nft cannot read back its own listing of"
          + " them)", dry.error(), rollback);
    }
    return rollback;
  }

  /**
   * The tables of the namespace, from nft's text {@code list tables} (one {@code table FAMILY NAME}
   * line each): its JSON form would print table flags, which nft 1.0.6 garbles (see
   * {@link TableFlagsGuard}).
   */
  private Set<TableRef> liveTables(CallOptions options) {
    Set<TableRef> live = new LinkedHashSet<>();
    String text = runOrThrow(new NftRequest("list tables", Set.of(), timeout(options)), "list tables");
    for (String line : text.split("\n")) {
      Matcher m = TABLE_LINE.matcher(line.strip());
      if (m.matches()) {
        live.add(TableRef.parse(m.group(1), m.group(2)));
      }
    }
    return live;
  }

  private SubmitResult run(Batch batch, CallOptions options, boolean dryRun) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(options, "options");
    String verb = dryRun ? "check" : "submit";
    guard(batch, options, verb);
    if (batch.isEmpty()) {
      return new SubmitResult(List.of(), options.handles() && !dryRun);
    }
    if (options.text()) {
      return runAsText(batch, options, dryRun);
    }
    if (!dryRun && !options.handles() && applyDirectly(batch, options)) {
      return EchoMatcher.withoutHandles(batch);
    }
    byte[] bytes = batch.toJsonBytes();
    String json = new String(bytes, StandardCharsets.UTF_8);
    boolean echo = options.handles() && !dryRun;
    EnumSet<NftRequest.Option> opts = EnumSet.of(NftRequest.Option.JSON);
    if (echo) {
      opts.add(NftRequest.Option.ECHO);
    }
    if (dryRun) {
      opts.add(NftRequest.Option.DRY_RUN);
    }
    NftResponse r = executor.execute(new NftRequest(json, opts, timeout(options)));
    if (!r.ok()) {
      throw locate(verb, batch, json, r.error(), options);
    }
    return echo ? EchoMatcher.match(batch, bytes, r.output()) : EchoMatcher.withoutHandles(batch);
  }

  /** For tests: batches written directly, batches handed to libnftables, look-ups of set types. */
  long[] directCounts() {
    ElementUpdates d = direct;
    return d == null ? new long[3] : d.counts();
  }

  /**
   * Element updates written to the kernel directly ({@link ElementUpdates}); false if the batch is
   * not one it writes, or the kernel refused it and applied nothing (libnftables then runs it and
   * reports the failure as nft does).
   */
  private boolean applyDirectly(Batch batch, CallOptions options) {
    ElementUpdates d = direct;
    if (d == null || !ElementUpdates.handlesShape(batch)) {
      return false;
    }
    try {
      return d.apply(batch, timeout(options)) == ElementUpdates.Outcome.APPLIED;
    } catch (NetlinkException e) {
      if (!e.maybeSent()) {
        direct = null; // e.g. a helper without the netlink operation: libnftables from now on
        return false;
      }
      throw new ExecutorException("submit: the element updates may or may not have been applied: "
          + e.getMessage(), e);
    } catch (NftTimeoutException e) {
      throw new NftablesTimeoutException(e.getMessage(), e.commandStarted(), batch.toJson(), e);
    }
  }

  /**
   * The batch as the nft script {@link NftText#print(Batch)} writes, one command per line. With
   * handles asked for, the JSON output flag makes libnftables echo JSON (it reads the text after
   * failing to read it as JSON), which the echo matcher reads as for JSON input.
   */
  private SubmitResult runAsText(Batch batch, CallOptions options, boolean dryRun) {
    String script = NftText.print(batch);
    boolean echo = options.handles() && !dryRun;
    int oneFlag = echo ? TableFlagsGuard.oneFlagTable(batch) : -1;
    if (oneFlag >= 0) {
      Command c = batch.commands().get(oneFlag);
      throw new LibnftablesDefectException(TableFlagsGuard.DEFECT, "submit refused before reaching libnftables: command " + oneFlag
          + " (" + c.verb().jsonName() + " " + ObjectPath.of(c) + ") gives a table exactly one flag,"
          + " and with handles asked for nft 1.0.6 echoes nft text through its event printer, which"
          + " prints that flag from freed memory (a garbled echo; the process can abort). Submit"
          + " without asText() (the JSON route echoes safely), or without handles",
          oneFlag, c, ObjectPath.of(c), script);
    }
    EnumSet<NftRequest.Option> opts = EnumSet.noneOf(NftRequest.Option.class);
    if (echo) {
      opts.add(NftRequest.Option.JSON);
      opts.add(NftRequest.Option.ECHO);
    }
    if (dryRun) {
      opts.add(NftRequest.Option.DRY_RUN);
    }
    NftResponse r = executor.execute(new NftRequest(script, opts, timeout(options)));
    if (!r.ok()) {
      throw locateText(dryRun ? "check" : "submit", batch, script, r.error(), options);
    }
    return echo ? EchoMatcher.match(batch, batch.toJsonBytes(), r.output()) : EchoMatcher.withoutHandles(batch);
  }

  /**
   * The exception for a batch rejected as text. libnftables 1.0.6 gives errors in text read from a
   * buffer no line number, and quotes the buffer's first line whichever command failed; so the
   * failing command is found by dry runs of prefixes of the script (a bisection, as for JSON), and
   * the message quotes that command instead of nft's quote. {@link NftablesException#nftMessage()}
   * stays nft's text.
   */
  private NftablesException locateText(String verb, Batch batch, String script, String error, CallOptions options) {
    int n = batch.size();
    int index;
    if (n == 1) {
      index = 0;
    } else {
      try {
        Located at = bisect(batch, options, true, error);
        index = at.index();
        error = at.error();
      } catch (NftablesException e) {
        index = -1; // the executor failed meanwhile (timeout, helper died): report without index
      }
    }
    Command command = index >= 0 && index < n ? batch.commands().get(index) : null;
    ObjectPath path = command == null ? null : ObjectPath.of(command);
    NftErrno errno = NftErrno.fromMessage(error);
    List<String> errors = error.lines().filter(l -> l.contains("Error:")).map(String::strip).toList();
    String nft = errors.isEmpty() ? error.strip() : String.join("; ", errors);
    String message = verb + " of " + n + " command(s) as nft text failed"
        + (command == null ? "" : " at command " + index + " (" + command.verb().jsonName() + " " + path + ")")
        + ": " + errno + (errno.text().isEmpty() ? "" : " (" + errno.text() + ")") + " — nft: " + nft
        + (command == null ? "" : "\n" + NftText.print(Batch.of(List.of(command))).strip());
    return new NftablesException(message, error, errno, index, command, path, script, null);
  }

  /**
   * The exception for a rejected batch, naming the failing command. libnftables gives JSON errors
   * no location, so: the parser's own index if it reports one; the only command of a batch of
   * one; else the shortest prefix whose dry run fails (bisection: prefixes of a failing batch
   * fail from the failing command on). Dry runs change nothing.
   */
  private NftablesException locate(String verb, Batch batch, String json, String error, CallOptions options) {
    int n = batch.size();
    int index = -1;
    Matcher m = PARSE_INDEX.matcher(error);
    if (m.find()) {
      index = Integer.parseInt(m.group(1));
    } else if (n == 1) {
      index = 0;
    } else {
      try {
        Located at = bisect(batch, options, false, error);
        index = at.index();
        error = at.error();
      } catch (NftablesException e) {
        index = -1; // the executor failed meanwhile (timeout, helper died): report without index
      }
    }
    Command command = index >= 0 && index < n ? batch.commands().get(index) : null;
    ObjectPath path = command == null ? null : ObjectPath.of(command);
    NftErrno errno = NftErrno.fromMessage(error);
    String nft = LOCATION.matcher(error).replaceAll("").strip().replace("\n\n", "\n");
    String message = verb + " of " + n + " command(s) failed"
        + (command == null ? "" : " at command " + index + " (" + command.verb().jsonName() + " " + path + ")")
        + ": " + errno + (errno.text().isEmpty() ? "" : " (" + errno.text() + ")") + " — nft: " + nft;
    return new NftablesException(message, error, errno, index, command, path, json, null);
  }

  /** The failing command's index and nft's error for the shortest failing prefix that ends with it. */
  private record Located(int index, String error) {}

  /**
   * The first failing command of a batch whose whole dry run failed with {@code error}: the end of
   * the shortest prefix whose dry run fails (prefixes of a failing batch fail from the failing
   * command on), found by bisection. Its error is that prefix's, so it is about that command, not
   * about a later one nft also refused while evaluating the whole batch.
   */
  private Located bisect(Batch batch, CallOptions options, boolean text, String error) {
    List<Command> commands = batch.commands();
    int lo = 0;
    int hi = commands.size() - 1; // the whole batch fails; find the first failing prefix end
    String hiError = error;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      Batch prefix = Batch.of(commands.subList(0, mid + 1));
      NftResponse r = executor.execute(text
          ? new NftRequest(NftText.print(prefix), EnumSet.of(NftRequest.Option.DRY_RUN), timeout(options))
          : new NftRequest(prefix.toJson(), EnumSet.of(NftRequest.Option.JSON, NftRequest.Option.DRY_RUN), timeout(options)));
      if (r.ok()) {
        lo = mid + 1;
      } else {
        hi = mid;
        hiError = r.error();
      }
    }
    return new Located(lo, hiError);
  }

  // ------------------------------------------------------------------ ownership

  private void guard(Batch batch, CallOptions options, String verb) {
    if (owned.isEmpty() || options.allowForeignTables()) {
      return;
    }
    List<Command> commands = batch.commands();
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      if (c.verb() == Verb.LIST) {
        continue; // reading touches nothing
      }
      ObjectPath path = ObjectPath.of(c);
      String why = foreign(path);
      if (why != null) {
        throw new ForeignTableException(verb + " refused before reaching the kernel: command " + i
            + " (" + c.verb().jsonName() + " " + path + ") " + why + "; this client owns "
            + owned + ". Pass CallOptions.allowingForeignTables() to do it anyway.", i, c, path, "");
      }
    }
  }

  /** Why a command on {@code path} touches a table this client does not own, or null if it does not. */
  private @Nullable String foreign(ObjectPath path) {
    if (path.type().equals("ruleset")) {
      return "acts on every table";
    }
    TableRef table = path.tableRef();
    if (table == null) {
      return "names no table this client can check";
    }
    return owned.contains(table) ? null : "touches table " + table + ", which this client does not own";
  }

  // ------------------------------------------------------------------ listing

  /** The whole ruleset of this client's namespace, as typed objects (from the JSON listing). */
  public Ruleset listRuleset() {
    return list(Listing.ruleset());
  }

  /**
   * The whole ruleset, read as {@code fidelity} says: {@link Fidelity#TEXT} for everything nft
   * shows (to import and apply again, to compare with a text policy), {@link Fidelity#JSON} for the
   * faster, lenient JSON listing.
   */
  public Ruleset listRuleset(Fidelity fidelity) {
    return list(Listing.ruleset(), fidelity, CallOptions.defaults());
  }

  /** The whole ruleset as nft prints it ({@code nft list ruleset}). */
  public String listRulesetText() {
    return listText(Listing.ruleset());
  }

  /**
   * Lists a ruleset, family, table, chain, set or map, typed (objects the model does not know
   * yet stay raw; see {@link Ruleset#rawCount()}).
   *
   * @throws NftablesException if nft cannot list it, e.g. {@link NftErrno#ENOENT} for a missing table
   */
  public Ruleset list(Listing what) {
    return list(what, CallOptions.defaults());
  }

  /**
   * {@link #list(Listing)}, read as {@code fidelity} says. {@link Fidelity#TEXT} lists with handles
   * ({@code nft -a list …}) and reads the text with {@link NftText#parseListing}.
   *
   * @throws io.jnftables.text.NftSyntaxException with {@link Fidelity#TEXT}, if the listing holds a
   *     construct the parser does not read (the JSON listing keeps such things raw)
   */
  public Ruleset list(Listing what, Fidelity fidelity, CallOptions options) {
    Objects.requireNonNull(fidelity, "fidelity");
    if (fidelity == Fidelity.JSON) {
      return list(what, options);
    }
    EnumSet<NftRequest.Option> opts = EnumSet.of(NftRequest.Option.HANDLE);
    if (what.terse()) {
      opts.add(NftRequest.Option.TERSE);
    }
    return NftText.parseListing(runOrThrow(new NftRequest(what.command(), opts, timeout(options)), what.command()));
  }

  /**
   * {@link #list(Listing)} with options (timeout). A listing nft 1.0.6 would garble (a table with
   * exactly one flag: see {@link TableFlagsGuard}) is read from nft's text listing instead, as
   * {@link Fidelity#TEXT} reads it; so is a JSON listing that comes back garbled twice.
   */
  public Ruleset list(Listing what, CallOptions options) {
    if (!tableFlags.garbling(what, timeout(options)).isEmpty()) {
      return list(what, Fidelity.TEXT, options);
    }
    EnumSet<NftRequest.Option> opts = EnumSet.of(NftRequest.Option.JSON);
    if (what.terse()) {
      opts.add(NftRequest.Option.TERSE);
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      String json = runOrThrow(new NftRequest(what.command(), opts, timeout(options)), what.command());
      Ruleset listed;
      try {
        listed = JsonCodec.decodeRuleset(json);
      } catch (JsonDecodingException e) {
        continue; // nft 1.0.6 cut its own listing short (the table-flags bug): list again
      }
      if (!TableFlagsGuard.garbled(listed)) {
        return listed;
      }
    }
    return list(what, Fidelity.TEXT, options);
  }

  /** The listing as nft prints it. */
  public String listText(Listing what) {
    return listText(what, CallOptions.defaults());
  }

  /** {@link #listText(Listing)} with options (timeout). */
  public String listText(Listing what, CallOptions options) {
    EnumSet<NftRequest.Option> opts = EnumSet.noneOf(NftRequest.Option.class);
    if (what.terse()) {
      opts.add(NftRequest.Option.TERSE);
    }
    return runOrThrow(new NftRequest(what.command(), opts, timeout(options)), what.command());
  }

  // ------------------------------------------------------------------ raw passthrough

  /**
   * Runs a libnftables JSON document as is and returns libnftables' JSON output (a listing, or
   * the echo with {@link CallOptions#withHandles()}; often empty). For a scoped client every
   * command except {@code list} must name an owned table.
   *
   * @throws NftablesException if nft rejects it (with the command index when nft's parser gives one)
   */
  public String runJson(String document) {
    return runJson(document, CallOptions.defaults());
  }

  /** {@link #runJson(String)} with options. */
  public String runJson(String document, CallOptions options) {
    Objects.requireNonNull(document, "document");
    if (!owned.isEmpty() && !options.allowForeignTables()) {
      guardJson(document);
    }
    refuseGarbledTables(document, options);
    EnumSet<NftRequest.Option> opts = EnumSet.of(NftRequest.Option.JSON);
    if (options.handles()) {
      opts.add(NftRequest.Option.ECHO);
    }
    return runOrThrow(new NftRequest(document, opts, timeout(options)), "JSON request");
  }

  /**
   * Runs nft text commands as is (as {@code nft -f} would) and returns nft's text output. A
   * scoped client cannot check text against its tables, so it runs only {@code list} commands
   * unless the call allows foreign tables.
   */
  public String runText(String commands) {
    return runText(commands, CallOptions.defaults());
  }

  /** {@link #runText(String)} with options. */
  public String runText(String commands, CallOptions options) {
    Objects.requireNonNull(commands, "commands");
    if (!owned.isEmpty() && !options.allowForeignTables()) {
      for (String line : commands.split("[\n;]")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("list ")) {
          throw new ForeignTableException("runText refused before reaching the kernel: \"" + l
              + "\" cannot be checked against the tables this client owns (" + owned + "); submit"
              + " a Batch, or pass CallOptions.allowingForeignTables()", -1, null, null, commands);
        }
      }
    }
    EnumSet<NftRequest.Option> opts = EnumSet.noneOf(NftRequest.Option.class);
    if (options.handles()) {
      opts.add(NftRequest.Option.ECHO);
      opts.add(NftRequest.Option.HANDLE);
    }
    return runOrThrow(new NftRequest(commands, opts, timeout(options)), "nft commands");
  }

  /**
   * Refuses a raw JSON request that lists tables while a table has exactly one flag: nft 1.0.6
   * would print that flag from freed memory (see {@link TableFlagsGuard}), so the output would be
   * wrong and the process could abort. Nothing is sent.
   */
  private void refuseGarbledTables(String document, CallOptions options) {
    if (options.handles() && TableFlagsGuard.echoesOneFlagTable(document)) {
      throw new LibnftablesDefectException(TableFlagsGuard.DEFECT, "runJson refused before reaching libnftables: with handles asked"
          + " for, nft 1.0.6 echoes nft text through its event printer, which prints a table given"
          + " exactly one flag from freed memory (a garbled echo; the process can abort). Send the"
          + " request as libnftables JSON (its echo is safe), or without handles",
          -1, null, null, document);
    }
    if (!TableFlagsGuard.listsTables(document)) {
      return;
    }
    List<TableRef> garbling = tableFlags.garbling(null, null, timeout(options));
    if (!garbling.isEmpty()) {
      throw new LibnftablesDefectException(TableFlagsGuard.DEFECT, "runJson refused before reaching libnftables: the request lists"
          + " tables as JSON, and table " + garbling.get(0) + (garbling.size() > 1 ? " (and "
          + (garbling.size() - 1) + " more)" : "") + " has exactly one flag, which nft 1.0.6 prints"
          + " from freed memory (a garbled listing; the process can abort). Use listRuleset() or"
          + " list(...), which list such tables as text, or runText(\"list ruleset\")",
          -1, null, null, document);
    }
  }

  private void guardJson(String document) {
    JsonNode tree = Json.readTreeOrNull(document);
    if (tree == null || !tree.path("nftables").isArray()) {
      throw new ForeignTableException("runJson refused before reaching the kernel: the document is"
          + " not a libnftables JSON document, so it cannot be checked against the tables this"
          + " client owns", -1, null, null, document);
    }
    int i = 0;
    for (JsonNode cmd : tree.get("nftables")) {
      if (cmd.isObject() && cmd.size() == 1) {
        String verb = cmd.fieldNames().next();
        JsonNode obj = cmd.get(verb);
        if (!verb.equals("metainfo") && !verb.equals("list") && obj.isObject() && obj.size() == 1) {
          String key = obj.fieldNames().next();
          JsonNode value = obj.get(key);
          ObjectPath path = value.isObject() ? ObjectPath.fromJson(key, value) : new ObjectPath(key, null, null, null, null, null);
          String why = foreign(path);
          if (why != null) {
            throw new ForeignTableException("runJson refused before reaching the kernel: command " + i
                + " (" + verb + " " + path + ") " + why + "; this client owns " + owned
                + ". Pass CallOptions.allowingForeignTables() to do it anyway.", i, null, path, document);
          }
        }
      }
      i++;
    }
  }

  private String runOrThrow(NftRequest request, String what) {
    NftResponse r = executor.execute(request);
    if (!r.ok()) {
      int index = -1;
      Matcher m = PARSE_INDEX.matcher(r.error());
      if (m.find()) {
        index = Integer.parseInt(m.group(1));
      }
      NftErrno errno = NftErrno.fromMessage(r.error());
      String nft = LOCATION.matcher(r.error()).replaceAll("").strip();
      throw new NftablesException(what + " failed: " + errno
          + (errno.text().isEmpty() ? "" : " (" + errno.text() + ")") + " — nft: " + nft,
          r.error(), errno, index, null, null, request.input(), null);
    }
    return r.output();
  }

  private @Nullable Duration timeout(CallOptions options) {
    return options.timeout() != null ? options.timeout() : defaultTimeout;
  }

  // ------------------------------------------------------------------ capabilities

  /**
   * The libnftables version and the kernel features of this client's namespace, probed when the
   * client opened (or now, for a client made with {@link #using}); dry runs, nothing changes.
   */
  public Capabilities capabilities() {
    synchronized (capabilitiesLock) {
      if (capabilities == null) {
        capabilities = probe();
      }
      return capabilities;
    }
  }

  private Capabilities probe() {
    Duration t = defaultTimeout != null ? defaultTimeout : Duration.ofSeconds(30);
    // Any JSON listing starts with metainfo; flowtables are few, and tables (whose flags nft
    // 1.0.6 garbles, see TableFlagsGuard) are not printed.
    NftResponse listing = executor.execute(NftRequest.json("list flowtables").withTimeout(t));
    Metainfo meta = listing.ok() ? JsonCodec.decodeRuleset(listing.output()).metainfo() : null;
    Map<KernelFeature, String> unsupported = new EnumMap<>(KernelFeature.class);
    for (KernelFeature f : KernelFeature.values()) {
      NftResponse r = executor.execute(NftRequest.text(f.probe(), NftRequest.Option.DRY_RUN).withTimeout(t));
      if (!r.ok()) {
        unsupported.put(f, r.error().strip());
      }
    }
    return new Capabilities(
        meta != null && meta.version() != null ? meta.version() : "unknown",
        meta != null && meta.releaseName() != null ? meta.releaseName() : "unknown",
        meta != null && meta.jsonSchemaVersion() != null ? meta.jsonSchemaVersion() : 0,
        unsupported);
  }

  // ------------------------------------------------------------------ the rest

  /** The tables this client is scoped to; empty if it is not scoped. */
  public Set<TableRef> ownedTables() {
    return owned;
  }

  /**
   * A path other processes can use to enter this client's namespace ({@code nsenter --net=PATH}),
   * if the executor has one; valid while the client is open.
   */
  public Optional<Path> netnsPath() {
    return executor.netnsPath();
  }

  /**
   * Network sysctls of this client's namespace, through its executor: in process, on the
   * client's namespace thread; with the privileged helper, by the helper (the JVM needs no
   * privileges, and the helper checks names and values again). Valid while the client is open;
   * closing the returned {@code Sysctl} does nothing.
   *
   * <pre>{@code
   * try (Nftables nft = Nftables.builder().netns(NetnsTarget.named("fw")).backend(Backend.HELPER).open()) {
   *   nft.sysctl().set("net.ipv4.ip_forward", true);   // in namespace "fw" only
   * }
   * }</pre>
   *
   * @throws UnsupportedOperationException if the executor cannot reach sysctls (a test double)
   */
  public Sysctl sysctl() {
    return Sysctl.using(executor.sysctlBackend().orElseThrow(() -> new UnsupportedOperationException(
        "executor " + given.getClass().getSimpleName() + " offers no sysctl backend")));
  }

  /**
   * The executor this client runs its requests on, as given or opened. The client puts its checks
   * (owned tables, inputs that would abort libnftables: {@link LibnftablesDefectException}) in front of
   * it; requests sent to the returned executor directly skip them.
   */
  public NftExecutor executor() {
    return given;
  }

  /**
   * Closes the executor (and a fresh namespace with it). A pending commit is rolled back first
   * (through the helper: by the helper, when its input ends).
   */
  @Override
  public void close() {
    PendingCommit p;
    synchronized (commitLock) {
      p = pending;
      pending = null;
    }
    if (p != null) {
      p.clientClosing();
    }
    executor.close();
  }

  /** Which executor a {@link Builder} opens. */
  public enum Backend {
    /** libnftables in this JVM ({@link LibnftablesExecutor}); the default. */
    IN_PROCESS,
    /** The privileged helper process ({@link HelperExecutor}). */
    HELPER
  }

  /**
   * Configures and opens a client. Not thread-safe; {@link #open()} may be called repeatedly.
   *
   * <pre>{@code
   * Nftables nft = Nftables.builder()
   *     .netns(NetnsTarget.named("tenant-7"))
   *     .backend(Nftables.Backend.HELPER)
   *     .ownTable(Family.INET, "tenant7")
   *     .timeout(Duration.ofSeconds(5))
   *     .open();
   * }</pre>
   */
  public static final class Builder {
    private NetnsTarget target = NetnsTarget.current();
    private Backend backend = Backend.IN_PROCESS;
    private @Nullable Path helperExecutable;
    private @Nullable NftExecutor executor;
    private final Set<TableRef> owned = new LinkedHashSet<>();
    private @Nullable Duration timeout;
    private boolean probe = true;
    private boolean directElementUpdates = true;

    private Builder() {}

    /**
     * Whether batches made only of element updates of plain sets and maps are written to the
     * kernel directly (default true), skipping libnftables' cache rebuild: one netlink round trip
     * instead of about eight. Whatever cannot be written exactly as nft would write it, and every
     * failure, still goes through libnftables; see {@link #submit(Batch, CallOptions)}.
     */
    public Builder directElementUpdates(boolean direct) {
      this.directElementUpdates = direct;
      return this;
    }

    /** The namespace: current (default), fresh, named or a process's. */
    public Builder netns(NetnsTarget target) {
      this.target = Objects.requireNonNull(target, "target");
      return this;
    }

    /** Which executor to open (default {@link Backend#IN_PROCESS}). */
    public Builder backend(Backend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /** Use the privileged helper at {@code executable} (implies {@link Backend#HELPER}). */
    public Builder helper(Path executable) {
      this.helperExecutable = Objects.requireNonNull(executable, "executable");
      this.backend = Backend.HELPER;
      return this;
    }

    /** Use this executor instead of opening one (the namespace setting is then ignored). */
    public Builder executor(NftExecutor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Scope the client to this table (repeatable): commands on other tables are refused. */
    public Builder ownTable(Family family, String name) {
      owned.add(new TableRef(family, name));
      return this;
    }

    /** The timeout of calls that do not set one; default none (wait as long as it takes). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Whether to probe {@link Capabilities} while opening (default true; else on first ask). */
    public Builder probeCapabilities(boolean probe) {
      this.probe = probe;
      return this;
    }

    /**
     * Opens the client.
     *
     * @throws ExecutorException if the executor cannot be opened (libnftables missing, helper
     *     refused to start, ...)
     * @throws io.jnftables.netns.NetnsException if the namespace cannot be entered
     */
    public Nftables open() {
      NftExecutor ex = executor != null ? executor
          : backend == Backend.HELPER
              ? (helperExecutable != null ? HelperExecutor.open(target, helperExecutable) : HelperExecutor.open(target))
              : LibnftablesExecutor.open(target);
      Nftables client = new Nftables(ex, owned, timeout, directElementUpdates);
      if (probe) {
        try {
          client.capabilities();
        } catch (RuntimeException | Error e) {
          if (executor == null) {
            ex.close();
          }
          throw e;
        }
      }
      return client;
    }
  }
}
