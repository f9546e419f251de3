mod assess;
mod common;
mod data;
mod engine;
mod export;
mod json;
mod queries;
mod wizard;
