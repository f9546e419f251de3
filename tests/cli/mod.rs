mod assess;
mod common;
mod data;
mod engine;
mod json;
mod queries;
mod wizard;
