package io.jnftables.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jnftables.annotations.ChainType;
import io.jnftables.annotations.Family;
import io.jnftables.annotations.Hook;
import io.jnftables.annotations.Policy;
import io.jnftables.model.BaseChain;
import io.jnftables.model.Chain;
import io.jnftables.model.Command;
import io.jnftables.model.CtExpectation;
import io.jnftables.model.CtHelper;
import io.jnftables.model.CtTimeout;
import io.jnftables.model.DocumentItem;
import io.jnftables.model.Element;
import io.jnftables.model.Flowtable;
import io.jnftables.model.Metainfo;
import io.jnftables.model.NamedCounter;
import io.jnftables.model.NamedLimit;
import io.jnftables.model.NamedQuota;
import io.jnftables.model.NamedSet;
import io.jnftables.model.NamedSynproxy;
import io.jnftables.model.NftObject;
import io.jnftables.model.ObjectHandle;
import io.jnftables.model.ObjectKind;
import io.jnftables.model.RawNodes;
import io.jnftables.model.RawObject;
import io.jnftables.model.Rule;
import io.jnftables.model.Secmark;
import io.jnftables.model.Selector;
import io.jnftables.model.Table;
import io.jnftables.model.Verb;
import io.jnftables.model.expr.BinaryExpr;
import io.jnftables.model.expr.BinaryOperator;
import io.jnftables.model.expr.BooleanLiteral;
import io.jnftables.model.expr.ConcatExpr;
import io.jnftables.model.expr.CtExpr;
import io.jnftables.model.expr.ElemExpr;
import io.jnftables.model.expr.Expression;
import io.jnftables.model.expr.ExthdrExpr;
import io.jnftables.model.expr.FibExpr;
import io.jnftables.model.expr.IpOptionExpr;
import io.jnftables.model.expr.JhashExpr;
import io.jnftables.model.expr.ListExpr;
import io.jnftables.model.expr.MapExpr;
import io.jnftables.model.expr.MappingExpr;
import io.jnftables.model.expr.MetaExpr;
import io.jnftables.model.expr.NumberLiteral;
import io.jnftables.model.expr.NumgenExpr;
import io.jnftables.model.expr.OsfExpr;
import io.jnftables.model.expr.PayloadExpr;
import io.jnftables.model.expr.PayloadOffsetExpr;
import io.jnftables.model.expr.PrefixExpr;
import io.jnftables.model.expr.RangeExpr;
import io.jnftables.model.expr.RawExpression;
import io.jnftables.model.expr.RtExpr;
import io.jnftables.model.expr.SctpChunkExpr;
import io.jnftables.model.expr.SetExpr;
import io.jnftables.model.expr.SetReference;
import io.jnftables.model.expr.SocketExpr;
import io.jnftables.model.expr.StringLiteral;
import io.jnftables.model.expr.SymhashExpr;
import io.jnftables.model.expr.TcpOptionExpr;
import io.jnftables.model.expr.TcpOptionOffsetExpr;
import io.jnftables.model.expr.VerdictExpr;
import io.jnftables.model.expr.XfrmExpr;
import io.jnftables.model.stmt.Counter;
import io.jnftables.model.stmt.CtCount;
import io.jnftables.model.stmt.Dup;
import io.jnftables.model.stmt.FlowOffload;
import io.jnftables.model.stmt.Fwd;
import io.jnftables.model.stmt.Limit;
import io.jnftables.model.stmt.Log;
import io.jnftables.model.stmt.Mangle;
import io.jnftables.model.stmt.MapUpdate;
import io.jnftables.model.stmt.Match;
import io.jnftables.model.stmt.Meter;
import io.jnftables.model.stmt.Nat;
import io.jnftables.model.stmt.Notrack;
import io.jnftables.model.stmt.ObjectRef;
import io.jnftables.model.stmt.Operator;
import io.jnftables.model.stmt.OptionReset;
import io.jnftables.model.stmt.Queue;
import io.jnftables.model.stmt.Quota;
import io.jnftables.model.stmt.RawStatement;
import io.jnftables.model.stmt.Reject;
import io.jnftables.model.stmt.SetUpdate;
import io.jnftables.model.stmt.Statement;
import io.jnftables.model.stmt.Synproxy;
import io.jnftables.model.stmt.TextStatement;
import io.jnftables.model.stmt.Tproxy;
import io.jnftables.model.stmt.Verdict;
import io.jnftables.model.stmt.VerdictMap;
import io.jnftables.model.stmt.Xt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command, object, statement and expression type of the model: the JSON it encodes to (in
 * libnftables' spelling), and decoding that JSON gives the same value back.
 */
class CodecRoundTripTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final PayloadExpr TCP_DPORT = new PayloadExpr("tcp", "dport");
  private static final PayloadExpr IP_SADDR = new PayloadExpr("ip", "saddr");

  private static JsonNode tree(String json) {
    try {
      return M.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** Expressions with the JSON each must encode to (single quotes for double quotes). */
  static Map<Expression, String> expressions() {
    Map<Expression, String> m = new LinkedHashMap<>();
    m.put(new StringLiteral("eth0"), "'eth0'");
    m.put(new NumberLiteral(3735928559L), "3735928559");
    m.put(BooleanLiteral.TRUE, "true");
    m.put(new SetReference("blocklist"), "'@blocklist'");
    m.put(IP_SADDR, "{'payload':{'protocol':'ip','field':'saddr'}}");
    m.put(new PayloadOffsetExpr("th", 16, 16), "{'payload':{'base':'th','offset':16,'len':16}}");
    m.put(new MetaExpr("iifname"), "{'meta':{'key':'iifname'}}");
    m.put(new CtExpr("ip saddr", null, "original"), "{'ct':{'key':'ip saddr','dir':'original'}}");
    m.put(new CtExpr("saddr", "ip", "reply"), "{'ct':{'key':'saddr','family':'ip','dir':'reply'}}");
    m.put(new RtExpr("nexthop", "ip6"), "{'rt':{'key':'nexthop','family':'ip6'}}");
    m.put(new ExthdrExpr("frag", "more-fragments", null), "{'exthdr':{'name':'frag','field':'more-fragments'}}");
    m.put(new ExthdrExpr("rt0", "addr", 1), "{'exthdr':{'name':'rt0','field':'addr','offset':1}}");
    m.put(new TcpOptionExpr("maxseg", "size"), "{'tcp option':{'name':'maxseg','field':'size'}}");
    m.put(new TcpOptionExpr("sack-perm", null), "{'tcp option':{'name':'sack-perm'}}");
    m.put(new TcpOptionOffsetExpr(255, 8, 8), "{'tcp option':{'base':255,'offset':8,'len':8}}");
    m.put(new IpOptionExpr("rr", "ptr"), "{'ip option':{'name':'rr','field':'ptr'}}");
    m.put(new SctpChunkExpr("init", null), "{'sctp chunk':{'name':'init'}}");
    m.put(new NumgenExpr("inc", 2, 100L), "{'numgen':{'mode':'inc','mod':2,'offset':100}}");
    m.put(new JhashExpr(IP_SADDR, 2, 3735928559L, 100L),
        "{'jhash':{'mod':2,'seed':3735928559,'offset':100,'expr':{'payload':{'protocol':'ip','field':'saddr'}}}}");
    m.put(new SymhashExpr(2, null), "{'symhash':{'mod':2}}");
    m.put(new FibExpr("oif", List.of("saddr", "iif")), "{'fib':{'result':'oif','flags':['saddr','iif']}}");
    m.put(new FibExpr("type", List.of("daddr")), "{'fib':{'result':'type','flags':['daddr']}}");
    m.put(new SocketExpr("transparent"), "{'socket':{'key':'transparent'}}");
    m.put(new OsfExpr("name", "loose"), "{'osf':{'key':'name','ttl':'loose'}}");
    m.put(new XfrmExpr("saddr", "ip", "in", 2), "{'ipsec':{'key':'saddr','family':'ip','dir':'in','spnum':2}}");
    m.put(new BinaryExpr(BinaryOperator.AND, new PayloadExpr("tcp", "flags"),
            new BinaryExpr(BinaryOperator.OR, new StringLiteral("syn"), new StringLiteral("ack"))),
        "{'&':[{'payload':{'protocol':'tcp','field':'flags'}},{'|':['syn','ack']}]}");
    m.put(new BinaryExpr(BinaryOperator.LSHIFT, new MetaExpr("mark"), new NumberLiteral(8)),
        "{'<<':[{'meta':{'key':'mark'}},8]}");
    m.put(new ListExpr(List.of(new StringLiteral("established"), new StringLiteral("related"))),
        "['established','related']");
    m.put(new SetExpr(List.of(new NumberLiteral(22), new RangeExpr(new NumberLiteral(1000), new NumberLiteral(2000)))),
        "{'set':[22,{'range':[1000,2000]}]}");
    m.put(new RangeExpr(new StringLiteral("10.0.0.1"), new StringLiteral("10.0.0.9")), "{'range':['10.0.0.1','10.0.0.9']}");
    m.put(new PrefixExpr(new StringLiteral("10.0.0.0"), 8), "{'prefix':{'addr':'10.0.0.0','len':8}}");
    m.put(new ConcatExpr(List.of(IP_SADDR, TCP_DPORT)),
        "{'concat':[{'payload':{'protocol':'ip','field':'saddr'}},{'payload':{'protocol':'tcp','field':'dport'}}]}");
    m.put(new MapExpr(TCP_DPORT, new SetExpr(List.of(new MappingExpr(new NumberLiteral(22), new StringLiteral("c1"))))),
        "{'map':{'key':{'payload':{'protocol':'tcp','field':'dport'}},'data':{'set':[[22,'c1']]}}}");
    m.put(VerdictExpr.ACCEPT, "{'accept':null}");
    m.put(new VerdictExpr(Verdict.goTo("c")), "{'goto':{'target':'c'}}");
    m.put(new ElemExpr(new StringLiteral("1.1.1.1"), 30L, 29L, "x", List.of(new Counter(1L, 2L))),
        "{'elem':{'val':'1.1.1.1','timeout':30,'expires':29,'comment':'x','counter':{'packets':1,'bytes':2}}}");
    m.put(ElemExpr.of(new StringLiteral("*")), "{'elem':{'val':'*'}}");
    m.put(new RawExpression(tree("{'dccp option':{'type':4}}")), "{'dccp option':{'type':4}}");
    return m;
  }

  /** Statements with the JSON each must encode to. */
  static Map<Statement, String> statements() {
    Map<Statement, String> m = new LinkedHashMap<>();
    m.put(Match.eq(TCP_DPORT, new NumberLiteral(22)),
        "{'match':{'op':'==','left':{'payload':{'protocol':'tcp','field':'dport'}},'right':22}}");
    m.put(new Match(Operator.NOT, new CtExpr("status"), new StringLiteral("dnat")),
        "{'match':{'op':'!','left':{'ct':{'key':'status'}},'right':'dnat'}}");
    m.put(Verdict.ACCEPT, "{'accept':null}");
    m.put(Verdict.jump("c"), "{'jump':{'target':'c'}}");
    m.put(Counter.NEW, "{'counter':null}");
    m.put(new Counter(5L, 300L), "{'counter':{'packets':5,'bytes':300}}");
    m.put(ObjectRef.named(ObjectRef.Type.COUNTER, "c1"), "{'counter':'c1'}");
    m.put(new ObjectRef(ObjectRef.Type.QUOTA,
            new MapExpr(TCP_DPORT, new SetExpr(List.of(new MappingExpr(new NumberLiteral(22), new StringLiteral("q")))))),
        "{'quota':{'map':{'key':{'payload':{'protocol':'tcp','field':'dport'}},'data':{'set':[[22,'q']]}}}}");
    m.put(ObjectRef.named(ObjectRef.Type.CT_HELPER, "ftp"), "{'ct helper':'ftp'}");
    m.put(ObjectRef.named(ObjectRef.Type.CT_TIMEOUT, "t"), "{'ct timeout':'t'}");
    m.put(ObjectRef.named(ObjectRef.Type.CT_EXPECTATION, "e"), "{'ct expectation':'e'}");
    m.put(ObjectRef.named(ObjectRef.Type.SYNPROXY, "s"), "{'synproxy':'s'}");
    m.put(ObjectRef.named(ObjectRef.Type.SECMARK, "sm"), "{'secmark':'sm'}");
    m.put(ObjectRef.named(ObjectRef.Type.LIMIT, "l"), "{'limit':'l'}");
    m.put(new Log(null), "{'log':null}");
    m.put(new Log("web "), "{'log':{'prefix':'web '}}");
    m.put(new Log("p", 2, 64, 4, "info", List.of("tcp sequence", "ip options")),
        "{'log':{'prefix':'p','group':2,'snaplen':64,'queue-threshold':4,'level':'info','flags':['tcp sequence','ip options']}}");
    m.put(new Log(null, null, null, null, null, List.of("all")), "{'log':{'flags':'all'}}");
    m.put(Reject.DEFAULT, "{'reject':null}");
    m.put(new Reject("icmpx", "admin-prohibited"), "{'reject':{'type':'icmpx','expr':'admin-prohibited'}}");
    m.put(new Mangle(new MetaExpr("mark"), new NumberLiteral(1)), "{'mangle':{'key':{'meta':{'key':'mark'}},'value':1}}");
    m.put(Quota.of(10, "mbytes", true), "{'quota':{'val':10,'val_unit':'mbytes','inv':true}}");
    m.put(new Quota(10, "mbytes", 5L, "kbytes", false), "{'quota':{'val':10,'val_unit':'mbytes','used':5,'used_unit':'kbytes'}}");
    m.put(Limit.packets(10, "second", false), "{'limit':{'rate':10,'per':'second'}}");
    m.put(new Limit(1, "mbytes", "second", 512L, "kbytes", true),
        "{'limit':{'rate':1,'per':'second','inv':true,'rate_unit':'mbytes','burst':512,'burst_unit':'kbytes'}}");
    m.put(new Fwd(new StringLiteral("eth0"), "ip", new StringLiteral("10.0.0.1")),
        "{'fwd':{'dev':'eth0','family':'ip','addr':'10.0.0.1'}}");
    m.put(Notrack.INSTANCE, "{'notrack':null}");
    m.put(new Dup(new StringLiteral("10.0.0.2"), new StringLiteral("eth1")), "{'dup':{'addr':'10.0.0.2','dev':'eth1'}}");
    m.put(Nat.masquerade(), "{'masquerade':null}");
    m.put(Nat.dnat(new StringLiteral("10.0.0.1"), new NumberLiteral(8080)), "{'dnat':{'addr':'10.0.0.1','port':8080}}");
    m.put(Nat.redirect(new NumberLiteral(8080)), "{'redirect':{'port':8080}}");
    m.put(new Nat(Nat.Type.SNAT, "ip", new PrefixExpr(new StringLiteral("10.0.0.0"), 24), null,
            List.of("random", "persistent"), List.of("prefix")),
        "{'snat':{'family':'ip','addr':{'prefix':{'addr':'10.0.0.0','len':24}},'flags':['random','persistent'],'type_flags':'prefix'}}");
    m.put(new Nat(Nat.Type.MASQUERADE, null, null, null, List.of("fully-random"), List.of()),
        "{'masquerade':{'flags':'fully-random'}}");
    m.put(new SetUpdate("update", new ElemExpr(IP_SADDR, 10L, null, null, List.of()), "s", List.of(Counter.NEW)),
        "{'set':{'op':'update','elem':{'elem':{'val':{'payload':{'protocol':'ip','field':'saddr'}},'timeout':10}},'set':'@s','stmt':[{'counter':null}]}}");
    m.put(new MapUpdate("add", IP_SADDR, new NumberLiteral(2), "m", List.of()),
        "{'map':{'op':'add','elem':{'payload':{'protocol':'ip','field':'saddr'}},'data':2,'map':'@m'}}");
    m.put(new Meter("m", IP_SADDR, Limit.packets(10, "second", false), 1024L),
        "{'meter':{'name':'m','key':{'payload':{'protocol':'ip','field':'saddr'}},'stmt':{'limit':{'rate':10,'per':'second'}},'size':1024}}");
    m.put(new Queue(null, List.of()), "{'queue':null}");
    m.put(new Queue(new NumberLiteral(1), List.of("bypass", "fanout")), "{'queue':{'num':1,'flags':['bypass','fanout']}}");
    m.put(new VerdictMap(TCP_DPORT, new SetExpr(List.of(new MappingExpr(new NumberLiteral(22), VerdictExpr.ACCEPT)))),
        "{'vmap':{'key':{'payload':{'protocol':'tcp','field':'dport'}},'data':{'set':[[22,{'accept':null}]]}}}");
    m.put(new CtCount(10, true), "{'ct count':{'val':10,'inv':true}}");
    m.put(new Tproxy("ip", new StringLiteral("10.0.0.1"), new NumberLiteral(8080)),
        "{'tproxy':{'family':'ip','addr':'10.0.0.1','port':8080}}");
    m.put(new Synproxy(1460, 7, List.of("timestamp", "sack-perm")),
        "{'synproxy':{'mss':1460,'wscale':7,'flags':['timestamp','sack-perm']}}");
    m.put(new Synproxy(null, null, List.of()), "{'synproxy':null}");
    m.put(new OptionReset(new TcpOptionExpr("sack-perm", null)), "{'reset':{'tcp option':{'name':'sack-perm'}}}");
    m.put(new FlowOffload("add", "ft"), "{'flow':{'op':'add','flowtable':'@ft'}}");
    m.put(new Xt(null, null), "{'xt':null}");
    m.put(new TextStatement("jump { accept }"), "'jump { accept }'");
    m.put(new RawStatement("last", tree("{'used':12}")), "{'last':{'used':12}}");
    return m;
  }

  /** Objects with the JSON each must encode to (as one element of "nftables"). */
  static Map<NftObject, String> objects() {
    Map<NftObject, String> m = new LinkedHashMap<>();
    m.put(new Metainfo("1.0.6", "Lester Gooch #5", 1),
        "{'metainfo':{'version':'1.0.6','release_name':'Lester Gooch #5','json_schema_version':1}}");
    m.put(new Table(Family.INET, "t", 1L, List.of("dormant"), null), "{'table':{'family':'inet','name':'t','handle':1,'flags':'dormant'}}");
    m.put(new Chain(Family.NETDEV, "t", "in", BaseChain.onDevice(ChainType.FILTER, Hook.INGRESS, -150, Policy.ACCEPT, "lo"), 2L),
        "{'chain':{'family':'netdev','table':'t','name':'in','handle':2,'type':'filter','hook':'ingress','prio':-150,'policy':'accept','dev':'lo'}}");
    m.put(new Chain(Family.NETDEV, "t", "in2", new BaseChain(ChainType.FILTER, Hook.INGRESS, -500, Policy.ACCEPT,
            List.of("dummy0", "lo")), 3L),
        "{'chain':{'family':'netdev','table':'t','name':'in2','handle':3,'type':'filter','hook':'ingress','prio':-500,'policy':'accept','dev':['dummy0','lo']}}");
    m.put(Chain.rename(Family.IP, "t", "a", "b"), "{'chain':{'family':'ip','table':'t','name':'a','newname':'b'}}");
    m.put(new Rule(Family.IP, "t", "c", List.of(Verdict.ACCEPT), 4L, "hi", null),
        "{'rule':{'family':'ip','table':'t','chain':'c','handle':4,'comment':'hi','expr':[{'accept':null}]}}");
    m.put(new Rule(Family.IP, "t", "c", List.of(Verdict.DROP), null, null, 0),
        "{'rule':{'family':'ip','table':'t','chain':'c','index':0,'expr':[{'drop':null}]}}");
    m.put(new NamedSet(NamedSet.Kind.SET, Family.IP, "t", "s", 3L, List.of("ipv4_addr", "inet_service"), null, "memory",
            List.of("interval", "timeout"),
            List.of(new ElemExpr(new ConcatExpr(List.of(new StringLiteral("10.0.0.1"), new NumberLiteral(22))), 3600L, 3599L, "c",
                List.of())),
            3600L, 10L, 100L, "set", List.of(Counter.NEW)),
        "{'set':{'family':'ip','name':'s','table':'t','type':['ipv4_addr','inet_service'],'handle':3,'comment':'set',"
            + "'policy':'memory','size':100,'flags':['interval','timeout'],'timeout':3600,'gc-interval':10,"
            + "'elem':[{'elem':{'val':{'concat':['10.0.0.1',22]},'timeout':3600,'expires':3599,'comment':'c'}}],"
            + "'stmt':[{'counter':null}]}}");
    m.put(NamedSet.map(Family.INET, "t", "m", List.of("inet_service"), "verdict", List.of())
            .withElements(List.of(new MappingExpr(new NumberLiteral(22), new VerdictExpr(Verdict.jump("ssh"))))),
        "{'map':{'family':'inet','name':'m','table':'t','type':'inet_service','map':'verdict','elem':[[22,{'jump':{'target':'ssh'}}]]}}");
    m.put(new NamedSet(NamedSet.Kind.METER, Family.IP, "t", "mt", null, List.of("ipv4_addr"), null, null, List.of(),
            List.of(), null, null, 65535L, null, List.of()),
        "{'meter':{'family':'ip','name':'mt','table':'t','type':'ipv4_addr','size':65535}}");
    m.put(Element.of(Family.IP, "t", "s", List.of(new StringLiteral("10.0.0.1"), new PrefixExpr(new StringLiteral("10.1.0.0"), 16))),
        "{'element':{'family':'ip','table':'t','name':'s','elem':['10.0.0.1',{'prefix':{'addr':'10.1.0.0','len':16}}]}}");
    m.put(new Flowtable(Family.INET, "t", "f", 5L, "ingress", 0, List.of("eth0", "eth1")),
        "{'flowtable':{'family':'inet','name':'f','table':'t','handle':5,'hook':'ingress','prio':0,'dev':['eth0','eth1']}}");
    m.put(new Flowtable(Family.INET, "t", "f1", null, "ingress", 0, List.of("lo")),
        "{'flowtable':{'family':'inet','name':'f1','table':'t','hook':'ingress','prio':0,'dev':'lo'}}");
    m.put(new NamedCounter(Family.INET, "t", "c", 6L, 12L, 1433L, "my"),
        "{'counter':{'family':'inet','name':'c','table':'t','handle':6,'comment':'my','packets':12,'bytes':1433}}");
    m.put(new NamedQuota(Family.INET, "t", "q", 7L, 2000L, 0L, true, null),
        "{'quota':{'family':'inet','name':'q','table':'t','handle':7,'bytes':2000,'used':0,'inv':true}}");
    m.put(new NamedQuota(Family.INET, "t", "q2", null, 2000L, 0L, false, null),
        "{'quota':{'family':'inet','name':'q2','table':'t','bytes':2000,'used':0,'inv':false}}");
    m.put(new NamedLimit(Family.IP, "t", "l", 8L, 400L, "hour", 5L, null, null, null, false, "x"),
        "{'limit':{'family':'ip','name':'l','table':'t','handle':8,'comment':'x','rate':400,'per':'hour','burst':5}}");
    m.put(new NamedLimit(Family.IP, "t", "lb", null, 1L, "second", null, "mbytes", null, "bytes", true, null),
        "{'limit':{'family':'ip','name':'lb','table':'t','rate':1,'per':'second','inv':true,'rate_unit':'mbytes','unit':'bytes'}}");
    m.put(new CtHelper(Family.INET, "t", "h", 9L, "sip", "udp", "ip", null),
        "{'ct helper':{'family':'inet','name':'h','table':'t','handle':9,'type':'sip','protocol':'udp','l3proto':'ip'}}");
    m.put(new CtTimeout(Family.IP, "t", "ct", 10L, "tcp", "ip", new TreeMap<>(Map.of("established", 123L, "close", 12L)), null),
        "{'ct timeout':{'family':'ip','name':'ct','table':'t','handle':10,'protocol':'tcp','l3proto':'ip','policy':{'close':12,'established':123}}}");
    m.put(new CtTimeout(Family.IP, "t", "ct0", 11L, "udp", "ip", Map.of(), null),
        "{'ct timeout':{'family':'ip','name':'ct0','table':'t','handle':11,'protocol':'udp','l3proto':'ip','policy':null}}");
    m.put(new CtExpectation(Family.IP, "t", "e", 12L, "tcp", 666, 100L, 96, "ip", "test4"),
        "{'ct expectation':{'family':'ip','name':'e','table':'t','handle':12,'comment':'test4','protocol':'tcp','dport':666,'timeout':100,'size':96,'l3proto':'ip'}}");
    m.put(new NamedSynproxy(Family.INET, "t", "sp", 13L, 1460, 7, List.of("timestamp"), null),
        "{'synproxy':{'family':'inet','name':'sp','table':'t','handle':13,'mss':1460,'wscale':7,'flags':['timestamp']}}");
    m.put(new Secmark(Family.INET, "t", "ssh", 14L, "system_u:object_r:ssh_server_packet_t:s0", null),
        "{'secmark':{'family':'inet','name':'ssh','table':'t','handle':14,'context':'system_u:object_r:ssh_server_packet_t:s0'}}");
    m.put(ObjectHandle.rule(Family.INET, "t", "c", 5), "{'rule':{'family':'inet','table':'t','chain':'c','handle':5}}");
    m.put(ObjectHandle.of(ObjectKind.TABLE, Family.INET, null, 1), "{'table':{'family':'inet','handle':1}}");
    m.put(ObjectHandle.of(ObjectKind.SET, Family.INET, "t", 3), "{'set':{'family':'inet','table':'t','handle':3}}");
    m.put(Selector.RULESET, "{'ruleset':null}");
    m.put(new Selector(Selector.Kind.COUNTERS, Family.IP, "t"), "{'counters':{'family':'ip','table':'t'}}");
    m.put(Selector.all(Selector.Kind.CT_HELPERS), "{'ct helpers':null}");
    m.put(new RawObject("tunnel", tree("{'family':'inet','name':'x'}")), "{'tunnel':{'family':'inet','name':'x'}}");
    return m;
  }

  @Test
  void everyExpressionEncodesToItsSchemaSpellingAndDecodesBack() {
    for (Map.Entry<Expression, String> e : expressions().entrySet()) {
      String json = JsonCodec.encodeExpression(e.getKey());
      assertEquals(tree(e.getValue()), tree(json), "encoding " + e.getKey());
      assertEquals(e.getKey(), JsonCodec.decodeExpression(json), "decoding " + json);
    }
  }

  @Test
  void everyStatementEncodesToItsSchemaSpellingAndDecodesBack() {
    for (Map.Entry<Statement, String> e : statements().entrySet()) {
      String json = JsonCodec.encodeStatements(List.of(e.getKey()));
      assertEquals(tree("[" + e.getValue() + "]"), tree(json), "encoding " + e.getKey());
      assertEquals(List.of(e.getKey()), JsonCodec.decodeStatements(json), "decoding " + json);
    }
  }

  @Test
  void everyObjectEncodesToItsSchemaSpellingAndDecodesBack() {
    for (Map.Entry<NftObject, String> e : objects().entrySet()) {
      String json = JsonCodec.encodeObject(e.getKey());
      assertEquals(tree(e.getValue()), tree(json), "encoding " + e.getKey());
      String doc = JsonCodec.encodeDocument(List.of(e.getKey()));
      assertEquals(List.of(e.getKey()), JsonCodec.decodeDocument(doc), "decoding " + doc);
    }
  }

  @Test
  void everyCommandRoundTrips() {
    Table t = Table.of(Family.INET, "t");
    Rule r = Rule.of(Family.INET, "t", "c", List.of(Verdict.ACCEPT));
    List<DocumentItem> commands = List.of(
        Command.add(t),
        Command.create(t),
        Command.insert(r),
        Command.replace(new Rule(Family.INET, "t", "c", List.of(Verdict.DROP), 5L, null)),
        Command.delete(ObjectHandle.rule(Family.INET, "t", "c", 5)),
        new Command(Verb.DESTROY, t),
        Command.list(Selector.RULESET),
        Command.reset(Selector.all(Selector.Kind.COUNTERS)),
        Command.flush(Chain.regular(Family.INET, "t", "c")),
        Command.rename(Chain.rename(Family.INET, "t", "c", "d")));
    String json = JsonCodec.encodeDocument(commands);
    assertEquals(
        tree("{'nftables':[{'add':{'table':{'family':'inet','name':'t'}}},{'create':{'table':{'family':'inet','name':'t'}}},"
            + "{'insert':{'rule':{'family':'inet','table':'t','chain':'c','expr':[{'accept':null}]}}},"
            + "{'replace':{'rule':{'family':'inet','table':'t','chain':'c','handle':5,'expr':[{'drop':null}]}}},"
            + "{'delete':{'rule':{'family':'inet','table':'t','chain':'c','handle':5}}},"
            + "{'destroy':{'table':{'family':'inet','name':'t'}}},{'list':{'ruleset':null}},{'reset':{'counters':null}},"
            + "{'flush':{'chain':{'family':'inet','table':'t','name':'c'}}},"
            + "{'rename':{'chain':{'family':'inet','table':'t','name':'c','newname':'d'}}}]}"),
        tree(json));
    assertEquals(commands, JsonCodec.decodeDocument(json));
    assertEquals(commands, JsonCodec.decodeCommands(json));
  }

  @Test
  void theCatalogueCoversEveryTypeOfTheModel() {
    // A mapping only exists inside a set (elsewhere [k, v] is a list): the map and vmap samples hold it.
    assertCovers(Expression.class, Stream.concat(expressions().keySet().stream(),
        Stream.of(new MappingExpr(new NumberLiteral(1), new NumberLiteral(2)))));
    assertCovers(Statement.class, statements().keySet().stream());
    assertCovers(NftObject.class, objects().keySet().stream());
  }

  private static void assertCovers(Class<?> sealed, Stream<?> samples) {
    Set<Class<?>> seen = samples.map(Object::getClass).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (!seen.contains(c)) {
        missing.add(c.getSimpleName());
      }
    }
    assertTrue(missing.isEmpty(), sealed.getSimpleName() + " types without a sample: " + missing);
  }

  @Test
  void encodingIsDeterministicAndEqualValuesGiveEqualBytes() {
    List<Command> commands = new ArrayList<>();
    for (NftObject o : objects().keySet()) {
      commands.add(Command.add(o));
    }
    byte[] a = JsonCodec.encode(commands);
    byte[] b = JsonCodec.encode(JsonCodec.decodeCommands(JsonCodec.encodeToString(commands)));
    assertEquals(new String(a, java.nio.charset.StandardCharsets.UTF_8), new String(b, java.nio.charset.StandardCharsets.UTF_8));
    // A map's iteration order does not leak into the bytes: equal ct timeout policies, equal JSON.
    CtTimeout x = new CtTimeout(Family.IP, "t", "c", null, "tcp", "ip", new LinkedHashMap<>(Map.of("a", 1L, "b", 2L)), null);
    Map<String, Long> reversed = new LinkedHashMap<>();
    reversed.put("b", 2L);
    reversed.put("a", 1L);
    CtTimeout y = new CtTimeout(Family.IP, "t", "c", null, "tcp", "ip", reversed, null);
    assertEquals(x, y);
    assertEquals(JsonCodec.encodeObject(x), JsonCodec.encodeObject(y));
  }

  @Test
  void nftsSingleFlagSpellingIsAcceptedInBothFormsAndWrittenAsNftWritesIt() {
    // nft writes one NAT/log/queue flag as a string; input may be an array of one.
    Statement fromArray = JsonCodec.decodeStatements("[{\"masquerade\":{\"flags\":[\"random\"]}}]").get(0);
    assertEquals(new Nat(Nat.Type.MASQUERADE, null, null, null, List.of("random"), List.of()), fromArray);
    assertEquals(tree("[{'masquerade':{'flags':'random'}}]"), tree(JsonCodec.encodeStatements(List.of(fromArray))));
    // Sets and fib always get arrays, as nft lists them.
    assertEquals(tree("{'fib':{'result':'oif','flags':['daddr']}}"),
        tree(JsonCodec.encodeExpression(JsonCodec.decodeExpression("{\"fib\":{\"result\":\"oif\",\"flags\":\"daddr\"}}"))));
  }

  @Test
  void twoElementArraysInsideSetsAreMappingsAsNftReadsThem() {
    Expression e = JsonCodec.decodeExpression("{\"set\":[[22,{\"accept\":null}],[\"x\",[\"a\",\"b\"]]]}");
    assertEquals(
        new SetExpr(List.of(
            new MappingExpr(new NumberLiteral(22), VerdictExpr.ACCEPT),
            new MappingExpr(new StringLiteral("x"), new ListExpr(List.of(new StringLiteral("a"), new StringLiteral("b")))))),
        e);
    assertEquals(0, RawNodes.count(e));
  }
}
