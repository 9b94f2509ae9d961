"""A hostile library, generated at test time so odd files never sit in git.

Each hazard is a (name, what it is) pair in HAZARDS; `build` writes them all under a root and
returns the hazard list with the paths it made.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

ESC = "\x1b"
CONTROL_PAYLOADS = {
    "csi": f"{ESC}[31mred{ESC}[0m{ESC}[2J{ESC}[6n",
    "osc-title": f"{ESC}]0;pwned-title\x07{ESC}]2;pwned-title2{ESC}\\",
    "osc-hyperlink": f"{ESC}]8;;file:///etc/passwd{ESC}\\click{ESC}]8;;{ESC}\\",
    "osc-clipboard": f"{ESC}]52;c;cm0gLXJmIH4K\x07",
    "c1": "\x9b31m\x9d0;pwned-c1\x9c\x90q\x9c",
    "bidi": "\u202egnp.exe\u202c \u2066isolate\u2069 \u200f",
    "zero-width": "zero\u200bwidth\u200d\u2060\ufeffjoin",
    "invisible": "tags\U000e0001\U000e0070\U000e0077\U000e006e\U000e007f fillers\u3164\u115f\u1160\uffa0 "
                 "selectors\ufe0f\U000e0100 joiner\u034f\u206a\U0001d173",
}
MARKUP = "[@click=app.quit]x[/] [/] [link=file:///etc/passwd]y[/link] $accent [bold red]b[/] :smile:"


def _front(**fields: str) -> str:
    lines = ["---"] + [f"{k}: {v}" for k, v in fields.items()] + ["---"]
    return "\n".join(lines) + "\n"


def text_hazards() -> dict[str, str | bytes]:
    """Regular files with hostile content: name -> content."""
    files: dict[str, str | bytes] = {}
    for kind, payload in CONTROL_PAYLOADS.items():
        files[f"control-{kind}.txt"] = f"Title {payload} end\n\nBody {payload} “quoted {payload}” said Anna Berg.\n"
        files[f"control-{kind}.md"] = (_front(title=repr(f"T {payload}"), section=repr(payload))
                                       + f"Body {payload}\n")
    files["bidi-\u202etxt.exe-name.txt"] = "Bidi in the file name\n\nBody.\n"
    files["zero\u200bwidth-name.txt"] = "Zero width in the file name\n\nBody.\n"
    files["markup-everywhere.md"] = (
        _front(title=repr(MARKUP), section=repr(MARKUP), tags=f"[{MARKUP!r}]", source=repr(MARKUP),
               summary=repr(MARKUP), date="2025-06-01") + f"{MARKUP}\n\n“{MARKUP}” said {MARKUP}.\n")
    files["yaml-python-tag.md"] = "---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\nBody.\n"
    files["yaml-python-name.md"] = "---\nx: !!python/name:os.system\n---\nBody.\n"
    files["yaml-alias-bomb.md"] = ("---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                                   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\nBody.\n")
    files["yaml-self-alias.md"] = "---\na: &a [*a]\n---\nBody.\n"
    files["yaml-deep.md"] = "---\nx: " + "[" * 3000 + "]" * 3000 + "\n---\nBody.\n"
    files["yaml-duplicate-keys.md"] = "---\ntitle: First\ntitle: Second\n---\nBody.\n"
    files["yaml-list.md"] = "---\n- a\n- b\n---\nBody.\n"
    files["yaml-norway.md"] = "---\ntitle: Norway\nsection: no\ntags: [yes, off]\n---\nBody.\n"
    files["yaml-tabs.md"] = "---\ntitle: T\n\tdate: 2020-01-01\n---\nBody survives.\n"
    for i, date in enumerate(["2025-02-30", "99999-01-01", "0000-00-00", "03/04/2025", "1e308", "-1",
                              "2025-06-27T25:61:00", "June 31, 2025"]):
        files[f"date-{i}.md"] = _front(title=f"Date {i}", date=repr(date)) + "Body.\n"
    files["date-leading-impossible.txt"] = "February 30, 2025Impossible\nBody.\n"
    files["binary.txt"] = bytes(range(256)) * 40
    files["nul-bytes.txt"] = b"Title\n\nBody\x00with NUL\n"
    files["bom-crlf.txt"] = codecs.BOM_UTF8 + "June 27, 2025Clash\r\nBody “q”.\r\n".encode()
    files["cp1252.txt"] = "Title\n\nShe said “fine” – café.\n".encode("cp1252")
    files["utf16.txt"] = "Título\n\nCuerpo «citado».\n".encode("utf-16")
    files["utf32.txt"] = "x".encode("utf-32")
    files["-leading-dash.txt"] = "Leading dash\n\nBody.\n"
    files["new\nline-name.txt"] = "Newline in name\n\nBody.\n"
    files["empty.md"] = ""
    files["only-front-matter.md"] = "---\ntitle: Nothing\n---\n"
    files["unclosed-quotes.txt"] = "Unclosed\n\n" + "“open " * 20_000 + "\n"
    files.update(document_hazards())
    return files


def _b64(text: str) -> str:
    import base64

    return base64.b64encode(text.encode()).decode()


def document_hazards() -> dict[str, str | bytes]:
    """Markdown, web pages and e-mail that try the renderer, the HTML reader and the email package."""
    files: dict[str, str | bytes] = {}
    for kind, payload in CONTROL_PAYLOADS.items():
        files[f"control-{kind}.html"] = (
            f"<title>T {payload}</title><meta property='og:site_name' content='{payload}'>"
            f"<meta property='article:section' content='S {payload}'><p>Body {payload} “quoted {payload}” said Anna "
            f"Berg. <a href='https://x.example/{payload}'>link {payload}</a> <img alt='{payload}'></p>"
            f"<table><tr><th>{payload}</th><th>b</th></tr><tr><td>{payload}</td><td>2</td></tr></table>"
            f"<pre>{payload}</pre>")
        files[f"control-{kind}.eml"] = (
            f"Subject: =?utf-8?b?{_b64('T ' + payload)}?=\nFrom: =?utf-8?b?{_b64(payload)}?= <a@example.org>\n"
            f"X-Section: {payload}\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n"
            f"Body {payload} “quoted {payload}” said Anna Berg.\n--b\nContent-Type: application/pdf\n"
            f"Content-Disposition: attachment; filename=\"{payload}.pdf\"\n\nx\n--b--\n")
        files[f"control-{kind}-doc.md"] = (
            f"# T {payload}\n\n- [link {payload}](https://x.example/{payload}) ![{payload}](x.png)\n\n"
            f"```{payload}\n{payload}\n```\n\n| {payload} | b |\n|---|---|\n| {payload} | 2 |\n\n> {payload}\n")
    files["markup-everywhere.html"] = (f"<title>{MARKUP}</title><meta property='article:section' content='{MARKUP}'>"
                                       f"<p>{MARKUP} <a href='{MARKUP}'>{MARKUP}</a></p><table><tr><td>{MARKUP}</td>"
                                       f"<td>x</td></tr><tr><td>y</td><td>z</td></tr></table>")
    files["markup-everywhere.eml"] = f"Subject: {MARKUP}\nFrom: {MARKUP}\n\n{MARKUP}\n"
    files["markup-links.md"] = (f"# Links\n\n[{MARKUP}]({MARKUP.replace(' ', '%20')}) and <https://x.example/[bold]>"
                                f"\n\n| {MARKUP} |\n|---|\n| {MARKUP} |\n\n```\n{MARKUP}\n```\n")
    files["html-unclosed.html"] = "<p>Start <!-- never closed " + "<a b='>'=" * 2000 + "<![if x]><![CDATA[" + "<?x"
    files["html-deep.html"] = "<div>" * 50_000 + "<p>Deep “text,” said Anna Berg.</p>" + "</div>" * 50_000
    files["html-cells.html"] = "<table>" + "<tr>" + "<td>c" * 3000 + "</table><p>After the table.</p>"
    files["html-scripts.html"] = ("<p>Shown.</p><script>“not shown,” said nobody</script><style>p{}</style>"
                                  "<a href='javascript:alert(1)'>js</a> <a href='data:text/html,x'>data</a>"
                                  "<iframe srcdoc='<p>no</p>'></iframe><script>never closed “x”")
    files["html-entities.html"] = "<p>&#xD800; &#x1b;[31m &#0; &#x202e;rtl &#9999999; &bogus; &amp;#163; &#163;</p>"
    files["mail-nested.eml"] = ("Subject: Nested\n" + "".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(300))
        + "Content-Type: text/plain\n\nDeep body.\n")
    files["mail-forwarded-nested.eml"] = ("Subject: Forwards\n" + "".join(
        f"Content-Type: message/rfc822\n\nSubject: F{i}\n" for i in range(300)) + "Content-Type: text/plain\n\nDeep.\n")
    deep = "".join(f"Content-Type: message/rfc822\n\nSubject: F{i}\n" for i in range(3000)) + "\nDeep.\n"
    files["mail-forwarded-encoded.eml"] = (  # too deep for the email package, once decoded
        "Subject: Encoded\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nOuter.\n"
        "--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n" + _b64(deep) + "\n--b--\n")
    files["mail-many-parts.eml"] = ("Subject: Parts\nContent-Type: multipart/mixed; boundary=b\n\n"
                                    + "--b\nContent-Type: application/octet-stream; name=p.bin\n\nx\n" * 3000
                                    + "--b\nContent-Type: text/plain\n\nThe text.\n--b--\n")
    files["mail-headers.eml"] = ("Subject: " + "(" * 5000 + '"' * 5000 + "\nFrom: " + "<" * 3000 + "\nDate: "
                                 + "Fri, 31 Feb 99999 25:61:00 +9999\nContent-Type: text/plain; charset=\"x-rot13\"; "
                                 + "a=b; " * 3000 + "\n\nBody with an unknown charset.\n")
    files["mail-charsets.eml"] = ("Subject: =?x-unknown?q?a?= =?utf-8?q?=E2=80=AE?= ok\nContent-Type: text/plain; "
                                  "charset=rot13\nContent-Transfer-Encoding: base64\n\n" + _b64("Gur grkg.") + "!!\n")
    files["mail-attachment-names.eml"] = (
        "Subject: Names\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nBody.\n"
        "--b\nContent-Disposition: attachment; filename=\"../../etc/passwd\"\n\nroot:x\n"
        "--b\nContent-Disposition: attachment; filename*=utf-8''%E2%80%AEfdp.exe\n\nMZ\n--b--\n")
    files["mail-binary.eml"] = b"Subject: Bin\nContent-Type: text/plain; charset=utf-16\n\n\xff\xfe\xd8\x00x\n"
    return files


GIANT_QUOTES = 300_000


def giant_quote_file() -> str:
    """One line of GIANT_QUOTES quotations (3.9 MB): kept out of the shared library, tested on its own."""
    return "Long\n\n" + ("word “quote” " * GIANT_QUOTES) + "\n"


def build(root: Path) -> Path:
    """Write the hostile library under root/lib, plus a file outside it for links to point at."""
    lib = root / "lib"
    lib.mkdir(parents=True)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nDo not read this.\n")
    for name, content in text_hazards().items():
        path = lib / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    bad_name = os.fsencode(str(lib)) + b"/invalid-\xff\xfe-utf8.txt"
    with open(bad_name, "wb") as f:
        f.write(b"Invalid UTF-8 name\n\nBody.\n")
    os.mkfifo(lib / "fifo.txt")
    (lib / "device-zero.txt").symlink_to("/dev/zero")
    (lib / "device-random.txt").symlink_to("/dev/urandom")
    (lib / "dangling.txt").symlink_to(lib / "does-not-exist.txt")
    (lib / "loop-a.txt").symlink_to(lib / "loop-b.txt")
    (lib / "loop-b.txt").symlink_to(lib / "loop-a.txt")
    (lib / "secret-link.txt").symlink_to(outside / "secret.txt")
    (lib / "outside-dir").symlink_to(outside)
    (lib / "sub").mkdir()
    (lib / "sub" / "up").symlink_to(lib)
    (lib / "sub" / "story.txt").write_text("A normal story\n\nWith a body.\n")
    return lib


def hashes(folder: Path) -> dict[str, str]:
    """sha256 of every regular file under folder (links not followed), to prove nothing was modified."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                out[path] = hashlib.sha256(f.read()).hexdigest()
    return out


def tree_listing(folder: Path) -> list[str]:
    """Every entry under folder (links not followed), to prove nothing was added."""
    return sorted(os.path.join(d, n) for d, dirs, files in os.walk(folder) for n in dirs + files)
