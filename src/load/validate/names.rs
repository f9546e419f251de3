//! Checks on the form of names in the data: ids, fact-base ids, document
//! names and URLs.

pub fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub fn to_kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

pub fn is_fact_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && s[1..]
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

pub fn is_document_name(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [".txt", ".pdf", ".doc", ".docx", ".html", ".htm", ".md"]
        .iter()
        .any(|ext| lower.ends_with(ext) && lower.len() > ext.len())
        && !s.contains('/')
        && !s.chars().any(char::is_control)
}

/// A light URL check: scheme, a dotted host, no spaces or control characters.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("a URL starts with https:// or http://")?;
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || crate::terminal::is_noncharacter(c))
    {
        return Err("a URL has no spaces or control characters");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("the host name is missing or incomplete");
    }
    if !host
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err("the host name has characters a host cannot have");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_checks() {
        assert!(check_url("https://www.england.nhs.uk/ahp/role/").is_ok());
        assert!(check_url("https://x").is_err());
        assert!(check_url("https://a b.com").is_err());
        assert!(check_url("ftp://a.com").is_err());
    }

    #[test]
    fn names() {
        assert!(is_kebab("senior-hcsw-apprenticeship"));
        assert!(!is_kebab("Senior_HCSW"));
        assert_eq!(to_kebab("Senior HCSW"), "senior-hcsw");
        assert!(is_fact_id("C4.1") && is_fact_id("A2") && !is_fact_id("c4") && !is_fact_id("C"));
        assert!(is_document_name("003_7de0682cd3a28a45.txt"));
    }
}
