//! Prints what the meeting rules make of an article: every parsed sentence, the claims, and
//! the events. `cargo run --release -p whomet-relate --example trace -- FILE [DATE]`
fn main() {
    let path = std::env::args().nth(1).expect("usage: trace FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let (doc, _) = whomet_extract::prepare(
        &whomet_extract::Input {
            id: "trace",
            source: &path,
            ..Default::default()
        },
        &bytes,
    );
    let ex = whomet_extract::extract(&doc);
    for p in &ex.people.people {
        println!("PERSON {} {:?} roles={:?}", p.name, p.aliases, p.roles);
    }
    print!("{}", whomet_relate::trace(&doc, &ex));
}
