"""On-CPU profile of the host by part of the product, from `perf script` output (docs/performance.md, "How to measure").

Each sample goes to the innermost frame that names a part (the order below breaks ties within one frame); threads the
runtime runs for itself (tiered JIT, server GC, the console logger, the host's console log writer) are their own parts.
    python3 bench/perf/oncpu.py host.txt [--top N]
--top N also lists the N frames with the most self time (the innermost frame of each sample, JIT tiers merged).
--ours N lists the N methods of the product's own assemblies (FrontDesk.*) with the most inclusive time: the share of samples
with that method anywhere on the stack (counted once per sample however often it recurs), arguments and JIT tiers dropped.
--under METHOD N lists, within the samples that have a product method whose name contains METHOD on the stack, the N frames
called under its outermost call (any code: the product's, generated regular expressions, the runtime's) by inclusive time,
as a share of those samples and of all samples: where a large method's time goes.
"""
import collections
import re
import sys

PARTS = [
    ("logging", r"Microsoft\.Extensions\.Logging|LogRedaction|RedactingConsoleFormatter|ConsoleLogger"),
    ("semantic matching (embedding, similarity)", r"SentenceEmbedder|SemanticIntents|SemanticFaq|MiniLM|OnnxRuntime|Tokeniz"),
    ("safety screens", r"SafetyScreen|EscalationRules|HealthConcepts"),
    ("language detection", r"LanguageDetector"),
    ("understanding", r"Understanding\.|EmbeddedChatClient::Understand"),
    ("engine policy, tracker, replies", r"FrontDesk\.Agent\.Embedded"),
    ("tools (availability, booking, FAQ, clients)", r"FrontDesk\.Tools\.(Availability|Booking|Faq|Clients|Waitlist|Verification)"),
    ("tool plumbing (Semantic Kernel, Microsoft.Extensions.AI)", r"SpaToolsFactory|ScopedFunction|SemanticKernel|Microsoft\.Extensions\.AI|ToolTurn"),
    ("conversation store (begin, save, lease)", r"ConversationStore|RenewLease"),
    ("agent (turn plumbing, state JSON, prompts)", r"FrontDesk\.Agent\."),
    ("web chat endpoint and sessions", r"FrontDesk\.Channels"),
    ("HTTP (Kestrel, routing, middleware)", r"AspNetCore|Kestrel|System\.Net\."),
]
THREADS = [(".NET Tiered Com", "JIT (tiered compilation thread)"), (".NET Server GC", "GC (server GC threads)"),
           (".NET BGC", "GC (server GC threads)"), ("Console logger", "logging"),
           ("Console log wri", "logging")]


def samples(path):
    thread, frames = None, None
    for line in open(path, errors="replace"):
        if line.strip() and not line[0].isspace():
            if frames is not None:
                yield thread, frames
            thread, frames = line[:16], []
        elif line.strip():
            frames.append(line.strip())
    if frames is not None:
        yield thread, frames


def part(thread, frames):
    for prefix, name in THREADS:
        if thread.startswith(prefix):
            return name
    managed = [f for f in frames if "/tmp/perf-" in f]
    for frame in managed:
        for name, pattern in PARTS:
            if re.search(pattern, frame):
                return name
    if not managed:
        where = frames[0].rsplit("(", 1)[-1].rstrip(")") if frames else "?"
        return "native code without a managed caller: " + where.split("/")[-1]
    return "other managed code (thread pool, async machinery)"


def frame_name(frame):
    # "addr symbol+0x12 (module)" or "addr Namespace.Type::Method(args)[OptimizedTier1] (/tmp/perf-N.map)"
    body = frame.split(" ", 1)[1] if " " in frame else frame
    symbol, _, module = body.rpartition(" (")
    symbol = re.sub(r"\[(Optimized|QuickJitted|Tier\d|OptimizedTier1|Instrumented)[^\]]*\]$", "", symbol)
    symbol = re.sub(r"\+0x[0-9a-f]+$", "", symbol)
    if symbol in ("[unknown]", ""):
        symbol = "[unknown]"
    return f"{symbol} ({module.rstrip(')').split('/')[-1]})"


def own_method(frame):
    # "... [FrontDesk.Agent] FrontDesk.Agent.Conversations.X::Method(args)[Optimized] (/tmp/perf-N.map)" -> "X::Method"
    match = re.search(r"\[FrontDesk\.[A-Za-z]+\] (FrontDesk\.[^(]+)\(", frame)
    return match.group(1) if match else None


def callee_name(frame):
    # The product's methods as own_method names them; any other frame by its symbol without arguments.
    own = own_method(frame)
    if own:
        return own
    name = frame_name(frame)
    return re.sub(r"\(.*\) \(", " (", name)


top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 0
ours = int(sys.argv[sys.argv.index("--ours") + 1]) if "--ours" in sys.argv else 0
rows = list(samples(sys.argv[1]))
counts = collections.Counter(part(t, f) for t, f in rows)
total = sum(counts.values())
print(f"{total} samples")
for name, n in counts.most_common():
    print(f"{100 * n / total:5.1f} %  {name}")
if top:
    selfs = collections.Counter(frame_name(f[0]) if f else "?" for _, f in rows)
    print(f"\ntop {top} frames by self time")
    for name, n in selfs.most_common(top):
        print(f"{100 * n / total:5.1f} %  {name}")
if ours:
    inclusive = collections.Counter()
    for _, f in rows:
        inclusive.update({m for m in map(own_method, f) if m})
    print(f"\ntop {ours} of the product's own methods by inclusive time")
    for name, n in inclusive.most_common(ours):
        print(f"{100 * n / total:5.1f} %  {name}")
if "--under" in sys.argv:
    method = sys.argv[sys.argv.index("--under") + 1]
    count = int(sys.argv[sys.argv.index("--under") + 2])
    within, callees = 0, collections.Counter()
    for _, f in rows:
        # Frames run innermost first: what is called under the method is everything before its outermost frame.
        marks = [i for i, frame in enumerate(f) if (own_method(frame) or "").find(method) >= 0]
        if not marks:
            continue
        within += 1
        callees.update({callee_name(frame) for frame in f[:marks[-1]]})
    print(f"\n{within} samples ({100 * within / total:.1f} %) with {method} on the stack; top {count} frames under it")
    for name, n in callees.most_common(count):
        print(f"{100 * n / max(within, 1):5.1f} % of those, {100 * n / total:5.1f} % of all  {name}")
