package io.jnftables.json;

import com.fasterxml.jackson.core.io.SerializedString;

/** Property names of the schema, pre-encoded once for the streaming writer. */
final class K {
  private K() {}

  static SerializedString of(String s) {
    return new SerializedString(s);
  }

  static final SerializedString NFTABLES = of("nftables");
  static final SerializedString FAMILY = of("family");
  static final SerializedString TABLE = of("table");
  static final SerializedString CHAIN = of("chain");
  static final SerializedString RULE = of("rule");
  static final SerializedString NAME = of("name");
  static final SerializedString NEWNAME = of("newname");
  static final SerializedString HANDLE = of("handle");
  static final SerializedString INDEX = of("index");
  static final SerializedString COMMENT = of("comment");
  static final SerializedString FLAGS = of("flags");
  static final SerializedString TYPE = of("type");
  static final SerializedString HOOK = of("hook");
  static final SerializedString PRIO = of("prio");
  static final SerializedString POLICY = of("policy");
  static final SerializedString DEV = of("dev");
  static final SerializedString EXPR = of("expr");
  static final SerializedString MAP = of("map");
  static final SerializedString SIZE = of("size");
  static final SerializedString TIMEOUT = of("timeout");
  static final SerializedString GC_INTERVAL = of("gc-interval");
  static final SerializedString ELEM = of("elem");
  static final SerializedString STMT = of("stmt");
  static final SerializedString PACKETS = of("packets");
  static final SerializedString BYTES = of("bytes");
  static final SerializedString USED = of("used");
  static final SerializedString INV = of("inv");
  static final SerializedString RATE = of("rate");
  static final SerializedString PER = of("per");
  static final SerializedString BURST = of("burst");
  static final SerializedString RATE_UNIT = of("rate_unit");
  static final SerializedString BURST_UNIT = of("burst_unit");
  static final SerializedString UNIT = of("unit");
  static final SerializedString PROTOCOL = of("protocol");
  static final SerializedString L3PROTO = of("l3proto");
  static final SerializedString DPORT = of("dport");
  static final SerializedString MSS = of("mss");
  static final SerializedString WSCALE = of("wscale");
  static final SerializedString CONTEXT = of("context");
  static final SerializedString VERSION = of("version");
  static final SerializedString RELEASE_NAME = of("release_name");
  static final SerializedString JSON_SCHEMA_VERSION = of("json_schema_version");

  // statements
  static final SerializedString MATCH = of("match");
  static final SerializedString OP = of("op");
  static final SerializedString LEFT = of("left");
  static final SerializedString RIGHT = of("right");
  static final SerializedString TARGET = of("target");
  static final SerializedString COUNTER = of("counter");
  static final SerializedString LOG = of("log");
  static final SerializedString PREFIX = of("prefix");
  static final SerializedString GROUP = of("group");
  static final SerializedString SNAPLEN = of("snaplen");
  static final SerializedString QUEUE_THRESHOLD = of("queue-threshold");
  static final SerializedString LEVEL = of("level");
  static final SerializedString REJECT = of("reject");
  static final SerializedString MANGLE = of("mangle");
  static final SerializedString KEY = of("key");
  static final SerializedString VALUE = of("value");
  static final SerializedString QUOTA = of("quota");
  static final SerializedString VAL = of("val");
  static final SerializedString VAL_UNIT = of("val_unit");
  static final SerializedString USED_UNIT = of("used_unit");
  static final SerializedString LIMIT = of("limit");
  static final SerializedString FWD = of("fwd");
  static final SerializedString ADDR = of("addr");
  static final SerializedString NOTRACK = of("notrack");
  static final SerializedString DUP = of("dup");
  static final SerializedString PORT = of("port");
  static final SerializedString TYPE_FLAGS = of("type_flags");
  static final SerializedString SET = of("set");
  static final SerializedString DATA = of("data");
  static final SerializedString METER = of("meter");
  static final SerializedString QUEUE = of("queue");
  static final SerializedString NUM = of("num");
  static final SerializedString VMAP = of("vmap");
  static final SerializedString CT_COUNT = of("ct count");
  static final SerializedString TPROXY = of("tproxy");
  static final SerializedString SYNPROXY = of("synproxy");
  static final SerializedString RESET = of("reset");
  static final SerializedString FLOW = of("flow");
  static final SerializedString FLOWTABLE = of("flowtable");
  static final SerializedString XT = of("xt");

  // expressions
  static final SerializedString PAYLOAD = of("payload");
  static final SerializedString FIELD = of("field");
  static final SerializedString BASE = of("base");
  static final SerializedString OFFSET = of("offset");
  static final SerializedString LEN = of("len");
  static final SerializedString META = of("meta");
  static final SerializedString CT = of("ct");
  static final SerializedString DIR = of("dir");
  static final SerializedString RT = of("rt");
  static final SerializedString EXTHDR = of("exthdr");
  static final SerializedString TCP_OPTION = of("tcp option");
  static final SerializedString IP_OPTION = of("ip option");
  static final SerializedString SCTP_CHUNK = of("sctp chunk");
  static final SerializedString NUMGEN = of("numgen");
  static final SerializedString MODE = of("mode");
  static final SerializedString MOD = of("mod");
  static final SerializedString JHASH = of("jhash");
  static final SerializedString SYMHASH = of("symhash");
  static final SerializedString SEED = of("seed");
  static final SerializedString FIB = of("fib");
  static final SerializedString RESULT = of("result");
  static final SerializedString SOCKET = of("socket");
  static final SerializedString OSF = of("osf");
  static final SerializedString TTL = of("ttl");
  static final SerializedString IPSEC = of("ipsec");
  static final SerializedString SPNUM = of("spnum");
  static final SerializedString CONCAT = of("concat");
  static final SerializedString RANGE = of("range");
  static final SerializedString EXPIRES = of("expires");
}
